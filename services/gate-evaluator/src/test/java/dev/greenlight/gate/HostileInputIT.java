package dev.greenlight.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.platform.testing.HostileInput;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Fault suite, hostile HTTP input: every endpoint of the gate-evaluator — the release and verdict
 * queries, Flagger's gate and rollback webhooks (with a valid Flagger token in the hook) — called
 * with the shared corpus of malformed, oversized, mistyped and unicode-tricked requests: each
 * refused with a 4xx naming the field, none a 5xx, and nothing written to any topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "greenlight.security.demo-users=true",
        "spring.config.name=" + GateEvaluatorApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.policies.dirs=src/test/resources/test-policies"})
@EmbeddedKafka
@DirtiesContext
@Import(InMemoryRegistryConfiguration.class)
class HostileInputIT {

    private static final String FLAGGER_TOKEN = "flagger-hostile-token-0123456789";

    @TempDir
    static Path stateDir;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        registry.add("spring.kafka.streams.state-dir", stateDir::toString);
        Path users = stateDir.resolve("users.yml");
        Files.writeString(users, "users:\n- name: flagger-prod\n  roles: [flagger]\n  tokenSha256: "
                + sha256(FLAGGER_TOKEN) + "\n");
        registry.add("greenlight.security.users-file", users::toString);
    }

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    ApplicationContext context;

    @Test
    void everyEndpointRefusesTheHostileCorpusWithA4xxAndWritesNothing() {
        // Started (policies announced, stores restored) before the topics are watched.
        await().atMost(Duration.ofSeconds(90)).until(() -> RestClient.create("http://localhost:" + port).get()
                .uri("/actuator/health").exchange((req, res) -> res.getStatusCode().value()) == 200);
        // Health is UP once Streams runs; the stores answer queries only after every stream thread has its
        // tasks (a rebalance answers 503 "being restored"), so wait for a plain miss.
        await().atMost(Duration.ofSeconds(90)).until(() -> RestClient.create("http://localhost:" + port).get()
                .uri("/api/v1/releases/payments/1.0.0").header("Authorization", "Bearer demo-dave")
                .exchange((req, res) -> res.getStatusCode().value()) == 404);
        String hook = """
                {"name": "podinfo", "namespace": "test", "phase": "Progressing", "checksum": "85d557f47b",
                 "metadata": {"greenlight.target": "svc-fl", "greenlight.version": "1.0.0",
                 "greenlight.stage": "canary", "greenlight.token": "%s"}}""".formatted(FLAGGER_TOKEN);
        int sent = HostileInput.against(context, port, "demo-dave", brokers)
                .endpoint("GET /api/v1/releases/{target}/{version}", e -> e.path("version", "1.0.0"))
                .endpoint("GET /api/v1/integrations/verdict", e -> e)
                .endpoint("POST /api/v1/integrations/flagger/gate", e -> e.unauthenticated().json(hook)
                        .required("metadata"))
                .endpoint("POST /api/v1/integrations/flagger/rollback", e -> e.unauthenticated().json(hook)
                        .required("metadata"))
                .sweep();

        assertThat(sent).isGreaterThan(100);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
