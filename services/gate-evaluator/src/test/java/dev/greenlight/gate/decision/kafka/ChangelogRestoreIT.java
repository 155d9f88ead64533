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
import dev.greenlight.policy.evidence.SeriesCitation;
import dev.greenlight.policy.evidence.SourceOffset;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A gate restored from its changelogs decides afterwards exactly as a gate that never stopped,
 * although two of its stores keep a commit's writes in memory and write them just before the commit
 * ({@link CommitBufferedStore}): a target's samples, as chunks ({@link SampleChunkStore}), and how far
 * its samples were read ({@link SamplesThroughStore}).
 *
 * <p>Each scenario runs two gate applications on this class's broker at one injected clock
 * ({@link TwoGates}): one runs throughout, the other is stopped once and started again on an empty
 * state directory, so only its changelogs can give its state back. Decision ids are derived from the
 * content — the instant, the verdict and every citation — so equal ids mean equal decisions.
 */
class ChangelogRestoreIT {

    /** The test policies' retention: the 48-hour window plus the one-day margin. */
    private static final Duration HORIZON = Duration.ofHours(72);
    private static final Duration AT_MOST = Duration.ofMinutes(3);
    private static final List<Topic<?>> TOPICS = List.of(Topics.RELEASES, Topics.CHECKS, Topics.ALERTS,
            Topics.METRICS, Topics.APPROVALS, Topics.ROLLOUTS, Topics.HOLDS, Topics.DECISIONS);
    private static final String CHUNKY = "metric-chunky";
    private static final String CHUNKS_KEPT = "chunks-uninterrupted";
    private static final String CHUNKS_RESTORED = "chunks-restored";
    private static final String THROUGH = "metric-through";
    private static final String THROUGH_KEPT = "through-uninterrupted";
    private static final String THROUGH_RESTORED = "through-restored";

    private static EmbeddedKafkaKraftBroker broker;

    /** One registry for both scenarios: each one's gates and reader decode what the other wrote on the shared topics. */
    private static final TopicSerdes SERDES = new TopicSerdes(new InMemorySchemaRegistryClient(), true);
    /** In the past: decisions are timestamped at the gate's clock, which the broker accepts up to an hour ahead. */
    private final Instant t = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
    private final MutableClock clock = new MutableClock(t);

    @BeforeAll
    static void broker() {
        broker = TransactionalTestBroker.start(TOPICS);
    }

    @AfterAll
    static void stop() {
        broker.destroy();
    }

    /**
     * The samples went through everything a chunk must survive before the restart: a whole chunk
     * forgotten by retention (deleted), a chunk of which retention forgot a part (the forgotten
     * samples stay inside it), and a forgotten sample that arrived again with another rendering (in a
     * later chunk). After it, both gates get one more sample and must decide the same (an expired
     * sample brought back or the older rendering winning would change the decision).
     */
    @Test
    void samplesRestoredFromChunksDecideAsIfTheGateHadNeverStopped() throws Exception {
        String brokers = broker.getBrokersAsString();
        try (TwoGates gates = new TwoGates(brokers, SERDES, clock, CHUNKS_KEPT, CHUNKS_RESTORED);
             KafkaProducer<String, SpecificRecord> producer = gates.producer()) {
            send(producer, Topics.RELEASES, CHUNKY, release("chunky-r1", CHUNKY, "1.0.0", ReleaseType.BUGFIX, t));
            // A commit's worth of samples that will all expire: their chunk goes.
            for (int i = 0; i < 20; i++) {
                sample(producer, "gone-" + i, "error_rate", 0.001 + i * 1e-5, t.minus(HORIZON).plusSeconds(1200 + i));
            }
            awaitCounted(gates, producer, 20);
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
            awaitCounted(gates, producer, 100);
            // An hour on, the next evaluation forgets gone-*, old-* and all but the latest lat-*.
            clock.advance(Duration.ofHours(1));
            sample(producer, "p3", "error_rate", 0.004, t.plus(Duration.ofHours(1)).minusSeconds(1));
            awaitCounted(gates, producer, 41);
            // A forgotten sample arrives again, rendered anew: it is kept, in a later chunk than the old one.
            sample(producer, "old-5", "error_rate", 0.005, t.plus(Duration.ofHours(1)).minusMillis(500));
            awaitCounted(gates, producer, 42);

            Map<String, Integer> before = gates.restartRestoredFromChangelogs();

            clock.advance(Duration.ofHours(1));
            sample(producer, "p5", "error_rate", 0.006, t.plus(Duration.ofHours(2)).minusSeconds(1));
            // Among the decisions after the restart only: one from before it may have counted 43 too
            // (seen under load: the wait ended with no decision of the restored gate after the restart).
            gates.awaitBothSince(producer, before, d -> citedCount(d) == 43);

            List<GateDecided> keptAfter = gates.decidedSince(CHUNKS_KEPT, before.get(CHUNKS_KEPT));
            List<GateDecided> restoredAfter = gates.decidedSince(CHUNKS_RESTORED, before.get(CHUNKS_RESTORED));
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
            List<ConsumerRecord<String, byte[]>> chunks = changelog(brokers, CHUNKS_RESTORED);
            Deserializer<List<MetricObserved>> decode =
                    StoreSerde.<List<MetricObserved>>of(Schema.createArray(MetricObserved.getClassSchema())).deserializer();
            List<Integer> sizes = chunks.stream().filter(record -> record.value() != null)
                    .map(record -> decode.deserialize(record.topic(), record.value()).size()).toList();
            System.out.printf("%nSAMPLE CHUNKS: 123 samples of %s written as %d chunk records (samples each: %s) and %d"
                    + " deletions%n%n", CHUNKY, sizes.size(), sizes, chunks.size() - sizes.size());
            assertThat(sizes).as("samples per chunk record").anyMatch(size -> size > 1);
            assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).as("each sample written once")
                    .isEqualTo(123);
            assertThat(chunks).as("the chunk of samples that all expired was deleted")
                    .anyMatch(record -> record.value() == null);
        }
    }

    /**
     * The target's samples arrive in three separate batches (so the mark moves across several commits,
     * and many times within each). After the restart, a second release of the target is registered and
     * <em>no</em> sample arrives: the restored gate's decision for it can only cite the mark it
     * restored, and must be the uninterrupted gate's (a lost mark would cite the first citation form,
     * an older one a lower offset).
     */
    @Test
    void theSamplesMarkRestoredFromTheChangelogIsTheOneTheUninterruptedGateCites() throws Exception {
        try (TwoGates gates = new TwoGates(broker.getBrokersAsString(), SERDES, clock, THROUGH_KEPT, THROUGH_RESTORED);
             KafkaProducer<String, SpecificRecord> producer = gates.producer()) {
            send(producer, Topics.RELEASES, THROUGH, release("through-r1", THROUGH, "1.0.0", ReleaseType.BUGFIX, t));
            Future<RecordMetadata> lastSample = null;
            int samples = 0;
            for (int batch = 0; batch < 3; batch++) {
                for (int i = 0; i < 200; i++, samples++) {
                    lastSample = producer.send(new ProducerRecord<>(Topics.METRICS.name(), THROUGH, metric("s-" + samples,
                            THROUGH, null, "error_rate", 0.001 + samples * 1e-6, t.minusSeconds(1200 - samples))));
                }
                awaitVersion(gates, producer, "1.0.0", samples);
            }
            SourceOffset last = new SourceOffset(lastSample.get().partition(), lastSample.get().offset());

            Map<String, Integer> before = gates.restartRestoredFromChangelogs();

            // No sample now: the new release's decision cites the mark each gate holds.
            send(producer, Topics.RELEASES, THROUGH, release("through-r2", THROUGH, "2.0.0", ReleaseType.BUGFIX, t));
            awaitVersion(gates, producer, "2.0.0", samples);

            GateDecided keptDecision = firstFor(gates.decidedSince(THROUGH_KEPT, before.get(THROUGH_KEPT)), "2.0.0");
            GateDecided restoredDecision = firstFor(gates.decidedSince(THROUGH_RESTORED, before.get(THROUGH_RESTORED)), "2.0.0");
            assertThat(throughOf(keptDecision)).as("the uninterrupted gate cites the last sample read").isEqualTo(last);
            assertThat(throughOf(restoredDecision)).as("the restored gate cites the mark it restored").isEqualTo(last);
            assertThat(restoredDecision.getDecisionId()).as("the same decision")
                    .isEqualTo(keptDecision.getDecisionId());
        }
    }

    /** Waits until each gate decided the target counting {@code samples} error-rate samples. */
    private static void awaitCounted(TwoGates gates, KafkaProducer<String, SpecificRecord> producer, long samples) {
        gates.awaitBoth(producer, d -> citedCount(d) == samples);
    }

    private void sample(KafkaProducer<String, SpecificRecord> producer, String id, String metric, double value,
                        Instant observedAt) {
        send(producer, Topics.METRICS, CHUNKY, metric(id, CHUNKY, null, metric, value, observedAt));
    }

    private static void send(KafkaProducer<String, SpecificRecord> producer, Topic<?> topic, String target,
                             SpecificRecord value) {
        producer.send(new ProducerRecord<>(topic.name(), target, value));
    }

    private static long citedCount(GateDecided decided) {
        return decided.getEvidenceIds().stream().map(SeriesCitation::parse).flatMap(Optional::stream)
                .filter(c -> c.metric().equals("error_rate")).mapToLong(SeriesCitation::count).sum();
    }

    /** The committed records of the application's sample chunk changelog. */
    private static List<ConsumerRecord<String, byte[]>> changelog(String brokers, String app) {
        String topic = app + "-" + GateTopology.SAMPLE_CHUNKS_STORE + "-changelog";
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(TransactionalTestBroker.readCommitted(brokers),
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
        return records.stream().filter(r -> r.key().startsWith(StoreKeys.targetPrefix(CHUNKY))).toList();
    }

    /** Waits until each gate decided {@code version} of the target counting {@code samples} error-rate samples. */
    private static void awaitVersion(TwoGates gates, KafkaProducer<String, SpecificRecord> producer, String version,
                                     long samples) {
        gates.awaitBoth(producer, d -> d.getVersion().equals(version) && citedCount(d) == samples);
    }

    private static GateDecided firstFor(List<GateDecided> decisions, String version) {
        return decisions.stream().filter(d -> d.getVersion().equals(version)).findFirst().orElseThrow();
    }

    /** The mark the decision's error-rate citation names; null when it names none (the first citation form). */
    private static SourceOffset throughOf(GateDecided decision) {
        SeriesCitation citation = decision.getEvidenceIds().stream().map(SeriesCitation::parse)
                .flatMap(Optional::stream).filter(c -> c.metric().equals("error_rate")).findFirst().orElseThrow();
        return citation.through();
    }
}
