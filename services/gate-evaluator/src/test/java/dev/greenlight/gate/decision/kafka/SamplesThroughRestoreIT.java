package dev.greenlight.gate.decision.kafka;

import static dev.greenlight.evidence.EvidenceEvents.metric;
import static dev.greenlight.evidence.EvidenceEvents.release;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.GateDecided;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.gate.MutableClock;
import dev.greenlight.platform.kafka.TopicSerdes;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.policy.catalog.PolicyCatalog;
import dev.greenlight.policy.evidence.SeriesCitation;
import dev.greenlight.policy.evidence.SourceOffset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.util.FileSystemUtils;

/**
 * How far a target's samples were read (the mark its decisions' series citations name) survives a
 * restore from the changelog, although the gate keeps it in memory between commits and writes it
 * once per target and commit ({@link SamplesThroughStore}) rather than once per sample.
 *
 * <p>Two gate applications read the same topics of one broker at the same injected clock: one runs
 * throughout, the other is stopped once and started again on an empty state directory, so only its
 * changelogs can give its state back. Before the restart the target's samples arrive in three
 * separate batches (so the mark moves across several commits, and many times within each). After
 * it, a second release of the target is registered and <em>no</em> sample arrives: the restored
 * gate's decision for it can only cite the mark it restored, and must be the uninterrupted gate's
 * decision (decision ids are derived from the content, the citations' marks included; a lost mark
 * would cite the first citation form, an older one a lower offset).
 */
class SamplesThroughRestoreIT {

    private static final String TARGET = "metric-through";
    private static final String KEPT = "through-uninterrupted";
    private static final String RESTORED = "through-restored";
    private static final Duration AT_MOST = Duration.ofMinutes(3);
    private static final List<Topic<?>> TOPICS = List.of(Topics.RELEASES, Topics.CHECKS, Topics.ALERTS,
            Topics.METRICS, Topics.APPROVALS, Topics.ROLLOUTS, Topics.HOLDS, Topics.DECISIONS);

    private static EmbeddedKafkaKraftBroker broker;

    private final TopicSerdes serdes = new TopicSerdes(new InMemorySchemaRegistryClient(), true);
    /** In the past: decisions are timestamped at the gate's clock, which the broker accepts up to an hour ahead. */
    private final Instant t = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
    private final MutableClock clock = new MutableClock(t);
    private final Map<String, List<GateDecided>> decided = new ConcurrentHashMap<>();

    @BeforeAll
    static void broker() {
        broker = TransactionalTestBroker.start(TOPICS);
    }

    @AfterAll
    static void stop() {
        broker.destroy();
    }

    @Test
    void theSamplesMarkRestoredFromTheChangelogIsTheOneTheUninterruptedGateCites() throws Exception {
        String brokers = broker.getBrokersAsString();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> readDecisions(brokers, reading), "decision-reader");
        reader.start();
        Path restoredState = Files.createTempDirectory("through-restored");
        KafkaStreams restored = null;
        try (KafkaStreams kept = gate(brokers, KEPT, Files.createTempDirectory("through-kept"));
             KafkaProducer<String, SpecificRecord> producer = producer(brokers)) {
            restored = gate(brokers, RESTORED, restoredState);
            kept.start();
            restored.start();

            send(producer, Topics.RELEASES, release("through-r1", TARGET, "1.0.0", ReleaseType.BUGFIX, t));
            Future<RecordMetadata> lastSample = null;
            int samples = 0;
            for (int batch = 0; batch < 3; batch++) {
                for (int i = 0; i < 200; i++, samples++) {
                    lastSample = producer.send(new ProducerRecord<>(Topics.METRICS.name(), TARGET, metric("s-" + samples,
                            TARGET, null, "error_rate", 0.001 + samples * 1e-6, t.minusSeconds(1200 - samples))));
                }
                awaitBoth(producer, "1.0.0", samples);
            }
            SourceOffset last = new SourceOffset(lastSample.get().partition(), lastSample.get().offset());

            restored.close(Duration.ofSeconds(30));
            FileSystemUtils.deleteRecursively(restoredState);
            int keptBefore = decided.getOrDefault(KEPT, List.of()).size();
            int restoredBefore = decided.getOrDefault(RESTORED, List.of()).size();
            restored = gate(brokers, RESTORED, Files.createTempDirectory("through-restored-again"));
            restored.start();

            // No sample now: the new release's decision cites the mark each gate holds.
            send(producer, Topics.RELEASES, release("through-r2", TARGET, "2.0.0", ReleaseType.BUGFIX, t));
            awaitBoth(producer, "2.0.0", samples);

            GateDecided keptDecision = firstFor(KEPT, keptBefore, "2.0.0");
            GateDecided restoredDecision = firstFor(RESTORED, restoredBefore, "2.0.0");
            assertThat(throughOf(keptDecision)).as("the uninterrupted gate cites the last sample read").isEqualTo(last);
            assertThat(throughOf(restoredDecision)).as("the restored gate cites the mark it restored").isEqualTo(last);
            assertThat(restoredDecision.getDecisionId()).as("the same decision")
                    .isEqualTo(keptDecision.getDecisionId());
        } finally {
            if (restored != null) {
                restored.close(Duration.ofSeconds(30));
            }
            reading.set(false);
            reader.join();
        }
    }

    /** Waits until each gate decided {@code version} of the target counting {@code samples} error-rate samples. */
    private void awaitBoth(KafkaProducer<String, SpecificRecord> producer, String version, long samples) {
        producer.flush();
        await().atMost(AT_MOST).pollInterval(Duration.ofMillis(50)).until(() -> List.of(KEPT, RESTORED).stream()
                .allMatch(app -> decided.getOrDefault(app, List.of()).stream()
                        .anyMatch(d -> d.getVersion().equals(version) && citedCount(d) == samples)));
    }

    private GateDecided firstFor(String app, int after, String version) {
        List<GateDecided> all = decided.get(app);
        return all.subList(after, all.size()).stream().filter(d -> d.getVersion().equals(version)).findFirst()
                .orElseThrow();
    }

    /** The mark the decision's error-rate citation names; null when it names none (the first citation form). */
    private static SourceOffset throughOf(GateDecided decision) {
        SeriesCitation citation = decision.getEvidenceIds().stream().map(SeriesCitation::parse)
                .flatMap(Optional::stream).filter(c -> c.metric().equals("error_rate")).findFirst().orElseThrow();
        return citation.through();
    }

    private static long citedCount(GateDecided decided) {
        return decided.getEvidenceIds().stream().map(SeriesCitation::parse).flatMap(Optional::stream)
                .filter(c -> c.metric().equals("error_rate")).mapToLong(SeriesCitation::count).sum();
    }

    private KafkaStreams gate(String brokers, String app, Path stateDir) {
        StreamsBuilder builder = new StreamsBuilder();
        GateTopology.build(builder, serdes, PolicyCatalog.load(Path.of("src/test/resources/test-policies")), clock,
                Duration.ofMillis(50), Stores::persistentKeyValueStore);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 20);
        config.put(StreamsConfig.producerPrefix(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG), AppTag.class.getName());
        config.put(StreamsConfig.producerPrefix(AppTag.CONFIG), app);
        return new KafkaStreams(builder.build(), config);
    }

    private static void send(KafkaProducer<String, SpecificRecord> producer, Topic<?> topic, SpecificRecord value) {
        producer.send(new ProducerRecord<>(topic.name(), TARGET, value));
    }

    /** Every decision as it becomes visible (read_committed), by the application that made it ({@link AppTag}). */
    private void readDecisions(String brokers, AtomicBoolean reading) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, GateDecided> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                serdes.forTopic(Topics.DECISIONS).deserializer())) {
            consumer.assign(java.util.stream.IntStream.range(0, Topics.DECISIONS.partitions())
                    .mapToObj(p -> new TopicPartition(Topics.DECISIONS.name(), p)).toList());
            while (reading.get()) {
                for (ConsumerRecord<String, GateDecided> record : consumer.poll(Duration.ofMillis(20))) {
                    Header app = record.headers().lastHeader(AppTag.HEADER);
                    decided.computeIfAbsent(new String(app.value(), StandardCharsets.UTF_8),
                            k -> new CopyOnWriteArrayList<>()).add(record.value());
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private KafkaProducer<String, SpecificRecord> producer(String brokers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        Serializer<SpecificRecord> releases = (Serializer<SpecificRecord>) (Serializer<?>)
                serdes.forTopic(Topics.RELEASES).serializer();
        Serializer<SpecificRecord> metrics = (Serializer<SpecificRecord>) (Serializer<?>)
                serdes.forTopic(Topics.METRICS).serializer();
        Serializer<SpecificRecord> values = (topic, value) -> Topics.RELEASES.name().equals(topic)
                ? releases.serialize(topic, value) : metrics.serialize(topic, value);
        return new KafkaProducer<>(config, new StringSerializer(), values);
    }
}
