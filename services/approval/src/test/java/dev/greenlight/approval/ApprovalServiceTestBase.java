package dev.greenlight.approval;

import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The approval service as its API tests run it: the real application on a random port against an
 * embedded broker, demo users, the in-memory registry and the clock stopped at {@link #NOW}. Tests
 * that need nothing else share one application context (and broker); a test that sets more
 * properties ({@code @TestPropertySource}) gets its own. Each test writes under its own names, so
 * sharing the topics does not couple them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + ApprovalApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.security.demo-users=true"})
@EmbeddedKafka
@Import({InMemoryRegistryConfiguration.class, FixedClockConfiguration.class})
abstract class ApprovalServiceTestBase {

    static final Instant NOW = FixedClockConfiguration.NOW;

    @LocalServerPort
    int port;
    /** This context's broker: the {@code spring.embedded.kafka.brokers} property names the latest one started. */
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    SchemaRegistryClient registry;

    String brokers;
    ApiFixture api;

    @BeforeEach
    void api() {
        brokers = broker.getBrokersAsString();
        api = new ApiFixture(port, brokers, registry);
    }
}
