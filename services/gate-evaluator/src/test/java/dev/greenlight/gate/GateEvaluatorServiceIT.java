package dev.greenlight.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.nio.file.Path;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The gate-evaluator service boots from its own {@code gate-evaluator.yml} against a real broker, creates the
 * catalogue's topics, and exposes the health and Prometheus endpoints operators scrape.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + GateEvaluatorApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"})
@EmbeddedKafka
// Stop Kafka Streams when the class ends: it writes checkpoints into the @TempDir state dir,
// which JUnit deletes right after the class.
@DirtiesContext
@Import(InMemoryRegistryConfiguration.class)
class GateEvaluatorServiceIT {

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

    @Test
    void reportsHealthyAndServesPrometheusMetrics() {
        RestClient api = RestClient.create("http://localhost:" + port);
        assertThat(api.get().uri("/actuator/health").retrieve().body(String.class)).contains("\"status\":\"UP\"");
        assertThat(api.get().uri("/actuator/prometheus").retrieve().body(String.class))
                .contains("jvm_memory_used_bytes").contains("application=\"gate-evaluator\"");
    }

    @Test
    void createsEveryCatalogueTopic() throws Exception {
        try (Admin admin = Admin.create(java.util.Map.of("bootstrap.servers", brokers))) {
            Set<String> existing = admin.listTopics().names().get();
            assertThat(existing).containsAll(Topics.all().stream().map(Topic::name).toList());
        }
    }
}
