package dev.greenlight.rollout;

import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.platform.kafka.CatalogueAvroSerializer;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.serde.AvroDeserializer;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.evidence.testing.PolicyAnnouncements;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.rollout.domain.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.util.FileSystemUtils;

/**
 * Runs the real controller application against an embedded broker, several times over if a test
 * restarts it, with one schema registry and one simulated clock shared by every run (a restarted
 * process keeps the registry's ids and the world's time).
 */
final class ControllerHarness implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-02T08:00:00Z");
    static final MutableClock CLOCK = new MutableClock(START);
    static final SchemaRegistryClient REGISTRY = new InMemorySchemaRegistryClient();

    private final String brokers;
    private final KafkaProducer<String, Object> producer;
    private final KafkaConsumer<String, DeploymentCommand> commands;
    private final List<DeploymentCommand> seen = new ArrayList<>();
    private final List<Path> stateDirs = new ArrayList<>();

    ControllerHarness(String brokers) {
        this.brokers = brokers;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
                new CatalogueAvroSerializer(REGISTRY, Topics.all()));
        this.commands = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "commands-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new AvroDeserializer<>(REGISTRY, Topics.DEPLOYMENT_COMMANDS.valueSchema()));
        commands.subscribe(List.of(Topics.DEPLOYMENT_COMMANDS.name()));
        // What the gate does at start-up: the controller's only policy source.
        PolicyAnnouncements.announceShipped(brokers, REGISTRY);
    }

    /** Starts the controller with a fresh state directory, so its state can only come from the changelogs. */
    ConfigurableApplicationContext start() {
        try {
            Path stateDir = Files.createTempDirectory("rollout-state");
            stateDirs.add(stateDir);
            return RolloutControllerApplication.builder().sources(SharedTestBeans.class).run(
                    "--spring.kafka.bootstrap-servers=" + brokers,
                    "--spring.kafka.streams.state-dir=" + stateDir,
                    "--server.port=0",
                    "--greenlight.rollout.tick-interval=100ms",
                    // Kafka Streams does not leave its group on close, so a controller started after
                    // another one (a restart, or the next test on the same broker) waits until the
                    // old member's session expires: 45 s by default, three times per run of
                    // RolloutControllerIT. Test only: a closed member is noticed in seconds.
                    "--spring.kafka.streams.properties.session.timeout.ms=10000",
                    "--spring.kafka.streams.properties.heartbeat.interval.ms=2000",
                    "--greenlight.security.demo-users=true");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <V> void send(Topic<V> topic, String target, V value) {
        try {
            producer.send(new ProducerRecord<>(topic.name(), target, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + topic.name(), e);
        }
    }

    /** Every command for {@code target} committed so far, in order of arrival. */
    List<DeploymentCommand> commands(String target) {
        commands.poll(Duration.ofMillis(50)).forEach(record -> seen.add(record.value()));
        return seen.stream().filter(c -> c.getTarget().equals(target)).toList();
    }

    /** Call after every started controller was closed: their state directories go too. */
    @Override
    public void close() {
        producer.close();
        commands.close();
        stateDirs.forEach(dir -> {
            try {
                FileSystemUtils.deleteRecursively(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The shared registry and clock, registered ahead of the platform's defaults. Deliberately not
     * a {@code @Configuration}: component scanning must not put it into other tests' contexts.
     */
    static class SharedTestBeans {

        @Bean
        SchemaRegistryClient schemaRegistryClient() {
            return REGISTRY;
        }

        @Bean
        Clock clock() {
            return CLOCK;
        }
    }
}
