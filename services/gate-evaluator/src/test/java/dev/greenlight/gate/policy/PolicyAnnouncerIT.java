package dev.greenlight.gate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.PolicyActivated;
import dev.greenlight.platform.kafka.CatalogueAvroSerializer;
import dev.greenlight.platform.kafka.EventNotStoredException;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.platform.testing.TopicProbe;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.policy.catalog.LoadedPolicy;
import dev.greenlight.policy.catalog.PolicyCatalog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The gate's start-up announcement against a real broker that is not ready for it: the policies
 * topic is not there yet (auto-creation off), so the producer finds no metadata for it and gives up
 * after its {@code max.block.ms}, as on a loaded machine before the topic is created. The gate
 * retries with backoff and says so on its health endpoint; once the topic exists every policy is
 * announced and health turns UP. When the bound is spent, the start-up fails as before. The
 * give-up case runs first: the other test creates the topic.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PolicyAnnouncerIT {

    private static EmbeddedKafkaKraftBroker broker;
    private static DefaultKafkaProducerFactory<String, Object> producers;
    private static final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private static final PolicyCatalog catalog = PolicyCatalog.load(Path.of("src/test/resources/test-policies"));

    @BeforeAll
    static void startBrokerWithoutThePoliciesTopic() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of("auto.create.topics.enable", "false"));
        broker.afterPropertiesSet();
        producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // Production waits 5 s for the topic's metadata; the test need not.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 500),
                StringSerializer::new, () -> new CatalogueAvroSerializer(registry, Topics.all()));
    }

    @AfterAll
    static void stopBroker() {
        producers.destroy();
        broker.destroy();
    }

    @Test
    @Order(1)
    void whenTheBoundIsSpentTheStartUpFailsAndHealthIsDown() {
        PolicyAnnouncer announcer = announcer(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200));

        assertThatThrownBy(() -> announcer.run(null)).isInstanceOf(EventNotStoredException.class)
                .hasMessageContaining(Topics.POLICIES.name());

        Health health = new PolicyAnnouncementHealthIndicator(announcer).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("announced", 0);
    }

    @Test
    @Order(2)
    void retriesWhileTheTopicIsMissingSaysSoOnHealthThenAnnouncesEveryPolicy() throws Exception {
        PolicyAnnouncer announcer = announcer(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMinutes(5));
        PolicyAnnouncementHealthIndicator indicator = new PolicyAnnouncementHealthIndicator(announcer);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UNKNOWN);

        CompletableFuture<Void> startUp = CompletableFuture.runAsync(() -> announcer.run(null));
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            Health health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            assertThat((Integer) health.getDetails().get("failedAttempts")).isGreaterThanOrEqualTo(2);
            assertThat((String) health.getDetails().get("lastError")).contains(Topics.POLICIES.name());
        });
        assertThat(startUp).isNotDone();

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            admin.createTopics(List.of(new NewTopic(Topics.POLICIES.name(), Topics.POLICIES.partitions(), (short) 1)))
                    .all().get();
        }

        await().atMost(Duration.ofMinutes(2)).until(startUp::isDone);
        startUp.get();
        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("announced", catalog.all().size());
        List<String> recorded = TopicProbe.readAll(broker.getBrokersAsString(), Topics.POLICIES, registry).stream()
                .map(ConsumerRecord::value).map(PolicyActivated::getContentHash).distinct().sorted().toList();
        assertThat(recorded).isEqualTo(catalog.all().stream().map(LoadedPolicy::policy)
                .map(policy -> policy.contentHash()).distinct().sorted().toList());
    }

    private static PolicyAnnouncer announcer(Duration firstBackoff, Duration maxBackoff, Duration giveUpAfter) {
        return new PolicyAnnouncer(catalog, new EventPublisher(new KafkaTemplate<>(producers), Duration.ofSeconds(15)),
                Clock.systemUTC(), new PolicyAnnouncementProperties(firstBackoff, maxBackoff, giveUpAfter));
    }
}
