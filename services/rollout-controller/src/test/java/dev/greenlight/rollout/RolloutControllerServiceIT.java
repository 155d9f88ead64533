package dev.greenlight.rollout;

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
 * The rollout-controller service boots from its own {@code rollout-controller.yml} against a real broker, creates the
 * catalogue's topics, and exposes the health and Prometheus endpoints operators scrape.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + RolloutControllerApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.rollout.policies-dir=../../policies"})
@EmbeddedKafka
@Import(InMemoryRegistryConfiguration.class)
// Close the context (and its stream threads) before JUnit deletes the state directory under them.
@DirtiesContext
class RolloutControllerServiceIT {

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
                .contains("jvm_memory_used_bytes").contains("application=\"rollout-controller\"");
    }

    @Test
    void createsEveryCatalogueTopic() throws Exception {
        try (Admin admin = Admin.create(java.util.Map.of("bootstrap.servers", brokers))) {
            Set<String> existing = admin.listTopics().names().get();
            assertThat(existing).containsAll(Topics.all().stream().map(Topic::name).toList());
        }
    }
}
