package dev.greenlight.gate.decision.kafka;

import static dev.greenlight.evidence.EvidenceEvents.metric;
import static dev.greenlight.evidence.EvidenceEvents.release;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.GateDecided;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

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
    private static final List<Topic<?>> TOPICS = List.of(Topics.RELEASES, Topics.CHECKS, Topics.ALERTS,
            Topics.METRICS, Topics.APPROVALS, Topics.ROLLOUTS, Topics.HOLDS, Topics.DECISIONS);

    private static EmbeddedKafkaKraftBroker broker;

    private final TopicSerdes serdes = new TopicSerdes(new InMemorySchemaRegistryClient(), true);
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

    @Test
    void theSamplesMarkRestoredFromTheChangelogIsTheOneTheUninterruptedGateCites() throws Exception {
        try (TwoGates gates = new TwoGates(broker.getBrokersAsString(), serdes, clock, KEPT, RESTORED);
             KafkaProducer<String, SpecificRecord> producer = gates.producer()) {
            send(producer, Topics.RELEASES, release("through-r1", TARGET, "1.0.0", ReleaseType.BUGFIX, t));
            Future<RecordMetadata> lastSample = null;
            int samples = 0;
            for (int batch = 0; batch < 3; batch++) {
                for (int i = 0; i < 200; i++, samples++) {
                    lastSample = producer.send(new ProducerRecord<>(Topics.METRICS.name(), TARGET, metric("s-" + samples,
                            TARGET, null, "error_rate", 0.001 + samples * 1e-6, t.minusSeconds(1200 - samples))));
                }
                awaitBoth(gates, producer, "1.0.0", samples);
            }
            SourceOffset last = new SourceOffset(lastSample.get().partition(), lastSample.get().offset());

            Map<String, Integer> before = gates.restartRestoredFromChangelogs();

            // No sample now: the new release's decision cites the mark each gate holds.
            send(producer, Topics.RELEASES, release("through-r2", TARGET, "2.0.0", ReleaseType.BUGFIX, t));
            awaitBoth(gates, producer, "2.0.0", samples);

            GateDecided keptDecision = firstFor(gates.decidedSince(KEPT, before.get(KEPT)), "2.0.0");
            GateDecided restoredDecision = firstFor(gates.decidedSince(RESTORED, before.get(RESTORED)), "2.0.0");
            assertThat(throughOf(keptDecision)).as("the uninterrupted gate cites the last sample read").isEqualTo(last);
            assertThat(throughOf(restoredDecision)).as("the restored gate cites the mark it restored").isEqualTo(last);
            assertThat(restoredDecision.getDecisionId()).as("the same decision")
                    .isEqualTo(keptDecision.getDecisionId());
        }
    }

    /** Waits until each gate decided {@code version} of the target counting {@code samples} error-rate samples. */
    private static void awaitBoth(TwoGates gates, KafkaProducer<String, SpecificRecord> producer, String version,
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

    private static long citedCount(GateDecided decided) {
        return decided.getEvidenceIds().stream().map(SeriesCitation::parse).flatMap(Optional::stream)
                .filter(c -> c.metric().equals("error_rate")).mapToLong(SeriesCitation::count).sum();
    }

    private static void send(KafkaProducer<String, SpecificRecord> producer, Topic<?> topic, SpecificRecord value) {
        producer.send(new ProducerRecord<>(topic.name(), TARGET, value));
    }
}
