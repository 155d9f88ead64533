package dev.greenlight.gate.decision.kafka;

import static dev.greenlight.evidence.EvidenceEvents.metric;
import static dev.greenlight.evidence.EvidenceEvents.release;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.GateDecided;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.gate.MutableClock;
import dev.greenlight.platform.kafka.TopicSerdes;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.policy.catalog.PolicyCatalog;
import dev.greenlight.policy.evidence.SeriesCitation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
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
 * A target's metric samples survive a restore from the changelog, which holds them as chunks
 * ({@link SampleChunkStore}: a target's samples of one commit in one record), and the gate decides
 * afterwards exactly as a gate that was never restarted.
 *
 * <p>Two gate applications read the same topics of one broker at the same injected clock: one runs
 * throughout, the other is stopped once and started again on an empty state directory, so only its
 * changelogs can give its state back. Before the restart the samples went through everything a
 * chunk must survive: a whole chunk forgotten by retention (deleted), a chunk of which retention
 * forgot a part (the forgotten samples stay inside it), and a forgotten sample that arrived again
 * with another rendering (in a later chunk). After it, both gates get one more sample: their
 * decisions must be the same (decision ids are derived from the content, citations included, so
 * an expired sample brought back or the older rendering winning would change them).
 */
class SampleChunkRestoreIT {

    private static final String TARGET = "metric-chunky";
    private static final String KEPT = "chunks-uninterrupted";
    private static final String RESTORED = "chunks-restored";
    /** The test policies' retention: the 48-hour window plus the one-day margin. */
    private static final Duration HORIZON = Duration.ofHours(72);
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
    void samplesRestoredFromChunksDecideAsIfTheGateHadNeverStopped() throws Exception {
        String brokers = broker.getBrokersAsString();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> readDecisions(brokers, reading), "decision-reader");
        reader.start();
        Path restoredState = Files.createTempDirectory("chunks-restored");
        KafkaStreams restored = null;
        try (KafkaStreams kept = gate(brokers, KEPT, Files.createTempDirectory("chunks-kept"));
             KafkaProducer<String, SpecificRecord> producer = producer(brokers)) {
            restored = gate(brokers, RESTORED, restoredState);
            kept.start();
            restored.start();

            send(producer, Topics.RELEASES, release("chunky-r1", TARGET, "1.0.0", ReleaseType.BUGFIX, t));
            // A commit's worth of samples that will all expire: their chunk goes.
            for (int i = 0; i < 20; i++) {
                sample(producer, "gone-" + i, "error_rate", 0.001 + i * 1e-5, t.minus(HORIZON).plusSeconds(1200 + i));
            }
            awaitBoth(producer, 20);
            // Expiring and recent samples, written together: retention will forget a part of their chunks.
            // The latency samples go first: the wait below counts error-rate samples only, and one of the
            // same partition decided after them proves they were taken in before the clock moves on (taken
            // in after it, they would expire inside their open chunk and never be written).
            for (int i = 0; i < 20; i++) {
                sample(producer, "lat-" + i, "latency_ms", 100 + i, t.minus(HORIZON).plusSeconds(600 + i));
            }
            for (int i = 0; i < 40; i++) {
                sample(producer, "old-" + i, "error_rate", 0.002 + i * 1e-5, t.minus(HORIZON).plusSeconds(1800 + i));
                sample(producer, "new-" + i, "error_rate", 0.003 + i * 1e-5, t.minusSeconds(600 - i));
            }
            awaitBoth(producer, 100);
            // An hour on, the next evaluation forgets gone-*, old-* and all but the latest lat-*.
            clock.advance(Duration.ofHours(1));
            sample(producer, "p3", "error_rate", 0.004, t.plus(Duration.ofHours(1)).minusSeconds(1));
            awaitBoth(producer, 41);
            // A forgotten sample arrives again, rendered anew: it is kept, in a later chunk than the old one.
            sample(producer, "old-5", "error_rate", 0.005, t.plus(Duration.ofHours(1)).minusMillis(500));
            awaitBoth(producer, 42);

            restored.close(Duration.ofSeconds(30));
            FileSystemUtils.deleteRecursively(restoredState);
            int keptBefore = decided.getOrDefault(KEPT, List.of()).size();
            int restoredBefore = decided.getOrDefault(RESTORED, List.of()).size();
            restored = gate(brokers, RESTORED, Files.createTempDirectory("chunks-restored-again"));
            restored.start();

            clock.advance(Duration.ofHours(1));
            sample(producer, "p5", "error_rate", 0.006, t.plus(Duration.ofHours(2)).minusSeconds(1));
            awaitBoth(producer, 43);

            List<GateDecided> keptAfter = decided.get(KEPT).subList(keptBefore, decided.get(KEPT).size());
            List<GateDecided> restoredAfter = decided.get(RESTORED).subList(restoredBefore, decided.get(RESTORED).size());
            // The same last decision (its id covers the instant, the verdict and every citation), and
            // nothing the uninterrupted gate did not decide too.
            assertThat(restoredAfter).as("decisions after the restore").isNotEmpty();
            assertThat(restoredAfter.get(restoredAfter.size() - 1).getDecisionId())
                    .isEqualTo(keptAfter.get(keptAfter.size() - 1).getDecisionId());
            assertThat(restoredAfter).extracting(GateDecided::getDecisionId)
                    .isSubsetOf(keptAfter.stream().map(GateDecided::getDecisionId).toList());

            // How many records the samples became depends on how the gate's polls and commits fell
            // (SampleChunkStoreTest pins one record per target and commit); here: records held
            // several samples each, and the chunk whose samples all expired was deleted.
            List<ConsumerRecord<String, byte[]>> chunks = changelog(brokers, RESTORED);
            Deserializer<List<MetricObserved>> decode =
                    StoreSerde.<List<MetricObserved>>of(Schema.createArray(MetricObserved.getClassSchema())).deserializer();
            List<Integer> sizes = chunks.stream().filter(record -> record.value() != null)
                    .map(record -> decode.deserialize(record.topic(), record.value()).size()).toList();
            System.out.printf("%nSAMPLE CHUNKS: 123 samples of %s written as %d chunk records (samples each: %s) and %d"
                    + " deletions%n%n", TARGET, sizes.size(), sizes, chunks.size() - sizes.size());
            assertThat(sizes).as("samples per chunk record").anyMatch(size -> size > 1);
            assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).as("each sample written once")
                    .isEqualTo(123);
            assertThat(chunks).as("the chunk of samples that all expired was deleted")
                    .anyMatch(record -> record.value() == null);
        } finally {
            if (restored != null) {
                restored.close(Duration.ofSeconds(30));
            }
            reading.set(false);
            reader.join();
        }
    }

    /** Waits until each gate decided the target counting {@code samples} error-rate samples. */
    private void awaitBoth(KafkaProducer<String, SpecificRecord> producer, long samples) {
        producer.flush();
        await().atMost(AT_MOST).pollInterval(Duration.ofMillis(50)).until(() -> List.of(KEPT, RESTORED).stream()
                .allMatch(app -> decided.getOrDefault(app, List.of()).stream()
                        .anyMatch(d -> citedCount(d) == samples)));
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

    private void sample(KafkaProducer<String, SpecificRecord> producer, String id, String metric, double value,
                        Instant observedAt) {
        send(producer, Topics.METRICS, metric(id, TARGET, null, metric, value, observedAt));
    }

    private static void send(KafkaProducer<String, SpecificRecord> producer, Topic<?> topic, SpecificRecord value) {
        producer.send(new ProducerRecord<>(topic.name(), TARGET, value));
    }

    private static long citedCount(GateDecided decided) {
        return decided.getEvidenceIds().stream().map(SeriesCitation::parse).flatMap(Optional::stream)
                .filter(c -> c.metric().equals("error_rate")).mapToLong(SeriesCitation::count).sum();
    }

    /** Every decision as it becomes visible (read_committed), by the application that made it ({@link AppTag}). */
    private void readDecisions(String brokers, AtomicBoolean reading) {
        try (KafkaConsumer<String, GateDecided> consumer = new KafkaConsumer<>(consumerConfig(brokers),
                new StringDeserializer(), serdes.forTopic(Topics.DECISIONS).deserializer())) {
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

    /** The committed records of the application's sample chunk changelog. */
    private static List<ConsumerRecord<String, byte[]>> changelog(String brokers, String app) {
        String topic = app + "-" + GateTopology.SAMPLE_CHUNKS_STORE + "-changelog";
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(brokers),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(AT_MOST).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return records.stream().filter(r -> r.key().startsWith(StoreKeys.targetPrefix(TARGET))).toList();
    }

    private static Properties consumerConfig(String brokers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }

    @SuppressWarnings("unchecked")
    private KafkaProducer<String, SpecificRecord> producer(String brokers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // A phase's samples in few batches, as a monitor's push would arrive.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        Serializer<SpecificRecord> releases = (Serializer<SpecificRecord>) (Serializer<?>)
                serdes.forTopic(Topics.RELEASES).serializer();
        Serializer<SpecificRecord> metrics = (Serializer<SpecificRecord>) (Serializer<?>)
                serdes.forTopic(Topics.METRICS).serializer();
        Serializer<SpecificRecord> values = (topic, value) -> Topics.RELEASES.name().equals(topic)
                ? releases.serialize(topic, value) : metrics.serialize(topic, value);
        return new KafkaProducer<>(config, new StringSerializer(), values);
    }
}
