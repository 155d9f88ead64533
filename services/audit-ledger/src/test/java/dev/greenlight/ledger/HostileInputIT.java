package dev.greenlight.ledger;

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
 * Fault suite, hostile HTTP input: every endpoint of the audit ledger — the ledger's reads, proofs,
 * exports, evidence and attestations, the policy what-if (YAML) and witnesses' cosignatures —
 * called by an auditor (a witness for cosignatures) with the shared corpus of malformed, oversized,
 * mistyped and unicode-tricked requests: each refused with a 4xx naming the field, none a 5xx, and
 * nothing written to any topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + AuditLedgerApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.security.demo-users=true"})
@EmbeddedKafka
@DirtiesContext
@Import(InMemoryRegistryConfiguration.class)
class HostileInputIT {

    @TempDir
    static Path stateDir;

    @DynamicPropertySource
    static void dirs(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.streams.state-dir", stateDir::toString);
        registry.add("greenlight.ledger.key-dir", () -> stateDir.resolve("keys").toString());
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
        int sent = HostileInput.against(context, port, "demo-bob", brokers)
                .endpoint("GET /api/v1/ledger/metrics", e -> e)
                .endpoint("GET /api/v1/ledger/public-key", e -> e)
                .endpoint("GET /api/v1/ledger/keys", e -> e)
                .endpoint("GET /api/v1/ledger/checkpoint", e -> e)
                .endpoint("GET /api/v1/ledger/checkpoint/consistency", e -> e)
                .endpoint("POST /api/v1/ledger/checkpoint/cosignatures", e -> e.token("demo-witness").json("""
                        {"witnessKey": "witness+0123abcd+AQID", "checkpoint": "ledger\\n1\\nAAAA\\n",
                         "cosignature": "\\u2014 witness AAAA"}""")
                        .required("witnessKey", "checkpoint", "cosignature"))
                .endpoint("GET /api/v1/ledger/verify", e -> e)
                .endpoint("GET /api/v1/ledger/entries", e -> e)
                .endpoint("GET /api/v1/ledger/export", e -> e)
                .endpoint("GET /api/v1/ledger/proof/inclusion", e -> e)
                .endpoint("GET /api/v1/ledger/proof/consistency", e -> e)
                .endpoint("GET /api/v1/ledger/checkpoints/latest", e -> e)
                .endpoint("GET /api/v1/ledger/attestations/{decisionId}", e -> e)
                .endpoint("POST /api/v1/ledger/what-if", e -> e.body("application/yaml", """
                        name: candidate
                        match: {target: "payments"}
                        stages: []
                        """))
                .endpoint("GET /api/v1/ledger/replay", e -> e)
                .endpoint("GET /api/v1/ledger/releases/{target}/{version}/evidence", e -> e.path("version", "2.1.0"))
                .sweep();

        assertThat(sent).isGreaterThan(200);
    }
}
