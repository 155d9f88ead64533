package dev.greenlight.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
 * What every Greenlight service owes operators, checked the same way for each: it boots from its
 * own configuration file against a real broker, creates the catalogue's topics, becomes ready, and
 * exposes health and Prometheus metrics labelled with its name. A service's test extends this and
 * names its configuration with {@code @TestPropertySource(properties = "spring.config.name=...")}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka
@Import(InMemoryRegistryConfiguration.class)
// Close the context (and any stream threads) before JUnit deletes the state directory under them.
@DirtiesContext
// KafkaClientsLiveness kills the service's Kafka clients: it runs last (unannotated tests come first).
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class ServiceSmokeTest {

    @TempDir
    static Path stateDir;

    @DynamicPropertySource
    static void stateDir(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.streams.state-dir", stateDir::toString);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    ApplicationContext context;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Value("${spring.application.name}")
    String applicationName;

    @Test
    void becomesReadyAndServesPrometheusMetricsLabelledWithItsName() {
        RestClient api = RestClient.create("http://localhost:" + port);
        // 503 OUT_OF_SERVICE is a normal answer while the service restores its state: keep asking.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String health = api.get().uri("/actuator/health")
                    .exchange((request, response) -> new String(response.getBody().readAllBytes()));
            assertThat(health).contains("\"status\":\"UP\"");
        });
        assertThat(api.get().uri("/actuator/prometheus").retrieve().body(String.class))
                .contains("jvm_memory_used_bytes").contains("application=\"" + applicationName + "\"");
    }

    /**
     * No endpoint that accepts a body can be added without a size limit: every POST, PUT and PATCH
     * mapping of the service is called with a body declared one byte over its limit, and each is
     * refused with 413 before the body is read (before authentication, too).
     */
    @Test
    void everyEndpointThatAcceptsABodyRefusesAnOversizedOneBeforeReadingIt() {
        List<String> checked = OversizedBodies.everyBodyEndpointRefusesOneByteOverTheLimit(context, port);
        assertThat(checked).as("endpoints checked").isNotNull();
    }

    @Test
    void createsEveryCatalogueTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", brokers))) {
            Set<String> existing = admin.listTopics().names().get();
            assertThat(existing).containsAll(Topics.all().stream().map(Topic::name).toList());
        }
    }

    /** The service's port, for contracts such as {@link KafkaClientsLiveness}. */
    public int port() {
        return port;
    }

    /** The service's application context, for contracts such as {@link KafkaClientsLiveness}. */
    public ApplicationContext applicationContext() {
        return context;
    }
}
