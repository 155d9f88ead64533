package dev.greenlight.platform.releases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.platform.kafka.GreenlightKafkaAutoConfiguration;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.serde.AvroSerializer;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.platform.testing.OutageSchemaRegistry;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** The directory against a real broker: what it knows after a restart, and how fast it learns. */
@EmbeddedKafka
class ReleaseDirectoryTest {

    private static final InMemorySchemaRegistryClient REGISTRY = new InMemorySchemaRegistryClient();
    private static String brokers;

    private ReleaseDirectory directory;

    @BeforeAll
    static void createTopic() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        brokers = broker.getBrokersAsString();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            admin.createTopics(List.of(new NewTopic(Topics.RELEASES.name(), Topics.RELEASES.partitions(), (short) 1)))
                    .all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @AfterEach
    void stop() {
        if (directory != null) {
            directory.stop();
        }
    }

    @Test
    void afterStartItKnowsEveryReleaseAlreadyOnTheTopicAndReportsReadinessOnlyThen() {
        publish(release("restart-a", "1.0.0", "5114f85"));
        publish(release("restart-b", "2.0.0-beta.1", "abcdef0123456789abcdef0123456789abcdef01"));
        directory = newDirectory();
        ReleaseDirectoryHealthIndicator health = new ReleaseDirectoryHealthIndicator(directory);
        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

        directory.start();

        assertThat(directory.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(directory.find("restart-a", "1.0.0")).hasValueSatisfying(
                r -> assertThat(r.getRevision()).isEqualTo("5114f85"));
        assertThat(directory.find("restart-b", "2.0.0-beta.1")).isPresent();
        assertThat(directory.find("restart-b", "2.0.0")).isEmpty();
    }

    @Test
    void aRecordIsNeverSkippedWhileTheRegistryIsUnreachable_itIsKnownOnceTheRegistryAnswers() {
        publish(release("registry-down", "1.0.0", "d0wn000"));
        OutageSchemaRegistry flaky = new OutageSchemaRegistry(REGISTRY);
        flaky.down();
        directory = ReleaseDirectory.fromConfig(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), flaky);
        directory.start();

        // Skipping would let the view catch up at once without the release; it waits instead.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> !directory.isCaughtUp());
        flaky.up();

        assertThat(directory.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
        assertThat(directory.find("registry-down", "1.0.0")).hasValueSatisfying(
                r -> assertThat(r.getRevision()).isEqualTo("d0wn000"));
    }

    @Test
    void theFirstRegistrationOfAReleaseWinsLikeInTheGateEvaluator() {
        publish(release("first-wins", "1.0.0", "aaaaaaa"));
        publish(release("first-wins", "1.0.0", "bbbbbbb"));
        directory = newDirectory();
        directory.start();

        assertThat(directory.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
        assertThat(directory.find("first-wins", "1.0.0")).hasValueSatisfying(
                r -> assertThat(r.getRevision()).isEqualTo("aaaaaaa"));
        assertThat(directory.findByRevision(null, "bbbbbbb")).isEmpty();
    }

    @Test
    void aFullCommitIdFindsReleasesRegisteredWithItsAbbreviationOptionallyForOneTarget() {
        String sha = "c0ffee0123456789abcdef0123456789abcdef99";
        publish(release("mono-api", "3.1.0", "c0ffee0"));
        publish(release("mono-web", "3.1.0", sha));
        directory = newDirectory();
        directory.start();
        assertThat(directory.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();

        assertThat(directory.findByRevision(null, sha)).extracting(ReleaseRegistered::getTarget)
                .containsExactlyInAnyOrder("mono-api", "mono-web");
        assertThat(directory.findByRevision("mono-web", sha)).extracting(ReleaseRegistered::getTarget)
                .containsExactly("mono-web");
        assertThat(directory.findByRevision(null, "c0ffee1")).isEmpty();
    }

    @Test
    void aRequestThatJustPublishedCanWaitToSeeItsOwnRegistration() {
        directory = newDirectory();
        directory.start();
        assertThat(directory.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();

        publish(release("just-published", "1.2.3", "1234567"));

        assertThat(directory.readYourWrite("just-published", "1.2.3", Duration.ofSeconds(30))).isPresent();
        assertThat(directory.findByRevision("just-published", "1234567")).hasSize(1);
    }

    @Test
    void theAutoConfigurationProvidesADirectoryAndItsHealthOnlyWhenAskedFor() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(GreenlightKafkaAutoConfiguration.class,
                        ReleaseDirectoryAutoConfiguration.class))
                .withBean(SchemaRegistryClient.class, () -> REGISTRY)
                .withPropertyValues("spring.kafka.bootstrap-servers=" + brokers);

        runner.withPropertyValues("greenlight.releases.directory.enabled=true").run(context -> {
            assertThat(context).hasSingleBean(ReleaseDirectory.class)
                    .hasBean("releaseDirectoryHealthIndicator");
            assertThat(context.getBean(ReleaseDirectory.class).awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
        });
        runner.run(context -> assertThat(context).doesNotHaveBean(ReleaseDirectory.class)
                        .doesNotHaveBean(ReleaseDirectoryHealthIndicator.class));
    }

    private static ReleaseDirectory newDirectory() {
        return ReleaseDirectory.fromConfig(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), REGISTRY);
    }

    private static ReleaseRegistered release(String target, String version, String revision) {
        return ReleaseRegistered.newBuilder()
                .setMeta(EventMetadata.newBuilder().setEventId(UUID.randomUUID().toString())
                        .setOccurredAt(Instant.parse("2026-11-22T10:00:00Z")).setPrincipal("ci").build())
                .setTarget(target).setVersion(version).setReleaseType(ReleaseType.BUGFIX)
                .setRevision(revision).setAuthor("alice")
                .build();
    }

    private static void publish(ReleaseRegistered release) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        try (KafkaProducer<String, ReleaseRegistered> producer = new KafkaProducer<>(config, new StringSerializer(),
                new AvroSerializer<>(REGISTRY, Topics.RELEASES.valueSchema()))) {
            producer.send(new ProducerRecord<>(Topics.RELEASES.name(), release.getTarget(), release)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
