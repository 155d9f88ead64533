package dev.greenlight.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.platform.testing.HostileInput;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import java.nio.file.Path;
import java.time.Duration;
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
 * Fault suite, hostile HTTP input: every endpoint of the rollout-controller — the rollout status
 * and the manual promote/pause/resume/abort commands — called by a release captain with the shared
 * corpus of malformed, oversized, mistyped and unicode-tricked requests: each refused with a 4xx
 * naming the field, none a 5xx, and nothing written to any topic (no command, no refusal).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + RolloutControllerApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.security.demo-users=true"})
@EmbeddedKafka
@DirtiesContext
@Import(InMemoryRegistryConfiguration.class)
class HostileInputIT {

    @TempDir
    static Path stateDir;

    @DynamicPropertySource
    static void stateDir(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.streams.state-dir", stateDir::toString);
    }

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    ApplicationContext context;

    @Test
    void everyEndpointRefusesTheHostileCorpusWithA4xxAndWritesNothing() {
        await().atMost(Duration.ofSeconds(90)).until(() -> RestClient.create("http://localhost:" + port).get()
                .uri("/actuator/health").exchange((req, res) -> res.getStatusCode().value()) == 200);
        // Health is UP once Streams runs; the store answers queries only once every stream thread has its
        // tasks (a rebalance answers 503 "not ready"), so wait for a plain miss.
        await().atMost(Duration.ofSeconds(90)).until(() -> RestClient.create("http://localhost:" + port).get()
                .uri("/api/v1/rollouts/payments").header("Authorization", "Bearer demo-dave")
                .exchange((req, res) -> res.getStatusCode().value()) == 404);
        int sent = HostileInput.against(context, port, "demo-dave", brokers)
                .endpoint("GET /api/v1/rollouts/{target}", e -> e)
                .endpoint("POST /api/v1/rollouts/{target}/{version}/{action:promote|pause|resume|abort}",
                        e -> e.path("version", "2.1.0").json("""
                                {"reason": "INC-42 verified"}"""))
                .sweep();

        assertThat(sent).isGreaterThan(80);
    }
}
