package dev.greenlight.gate.decision.kafka;

import static dev.greenlight.evidence.EvidenceEvents.metric;
import static dev.greenlight.evidence.EvidenceEvents.release;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.evidence.DecisionInputs;
import dev.greenlight.evidence.EvidenceFold;
import dev.greenlight.evidence.GateDecisions;
import dev.greenlight.gate.MutableClock;
import dev.greenlight.gate.decision.domain.Coalescing;
import dev.greenlight.platform.kafka.TopicSerdes;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.policy.catalog.PolicyCatalog;
import dev.greenlight.policy.engine.Decision;
import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.evidence.SourceOffset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Coalesced metric samples through the real topology: a burst waits for the tick, the release is
 * marked due in the stores (so a target reloaded from them — as after a restart — is still
 * evaluated), and what the tick decides replays from the events it cites.
 */
class CoalescedSamplesTest {

    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");
    private static final Duration TICK = Duration.ofMillis(100);
    private static final ReleaseRegistered RELEASE = release("r1", "metric-a", "1.0.0", ReleaseType.BUGFIX, T);

    private final MutableClock clock = new MutableClock(T);
    private final PolicyCatalog policies = TestPolicies.catalog();
    private final List<SpecificRecord> piped = new ArrayList<>();
    private final Map<SpecificRecord, SourceOffset> positions = new IdentityHashMap<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, SpecificRecord> releases;
    private TestInputTopic<String, SpecificRecord> metrics;
    private TestOutputTopic<String, GateDecided> decisions;

    @BeforeEach
    void start() {
        TopicSerdes serdes = new TopicSerdes(new InMemorySchemaRegistryClient(), true);
        StreamsBuilder builder = new StreamsBuilder();
        // One cached target: switching targets reloads the other from the stores.
        GateTopology.build(builder, serdes, policies, clock, TICK, 1,
                new Coalescing(Coalescing.DEFAULT_MAX_PENDING_SAMPLES), Stores::inMemoryKeyValueStore);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "coalesced-samples-test");
        driver = new TopologyTestDriver(builder.build(), config, T);
        releases = input(Topics.RELEASES.name(), serdes.forTopic(Topics.RELEASES).serializer());
        metrics = input(Topics.METRICS.name(), serdes.forTopic(Topics.METRICS).serializer());
        decisions = driver.createOutputTopic(Topics.DECISIONS.name(), new StringDeserializer(),
                serdes.forTopic(Topics.DECISIONS).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void samplesWaitForTheTickWhichDecidesOnAllOfThemEvenAfterTheTargetWasReloaded() {
        pipe(releases, RELEASE);
        assertThat(decisions.readValuesToList()).extracting(GateDecided::getOutcome)
                .containsExactly(GateOutcome.HOLD);

        pipe(metrics, metric("m1", "metric-a", null, "error_rate", 0.01, T));
        pipe(metrics, metric("m2", "metric-a", null, "latency_ms", 120, T));
        pipe(metrics, metric("x1", "metric-b", null, "error_rate", 0.01, T)); // evicts metric-a from the cache
        assertThat(decisions.isEmpty()).as("samples wait for the tick").isTrue();

        driver.advanceWallClockTime(TICK);

        GateDecided go = decisions.readValue();
        assertThat(go.getOutcome()).isEqualTo(GateOutcome.GO);
        // Both samples counted, cited as far as metric-a's samples had been read (m2, offset 1),
        // though metric-a was reloaded from the stores in between.
        assertThat(go.getEvidenceIds()).contains("r1").hasSize(3)
                .allMatch(id -> id.equals("r1") || id.startsWith("series@0:1/") && id.contains("/1/"));
        assertThat(decisions.isEmpty()).isTrue();
        DecisionInputs inputs = DecisionInputs.of(RELEASE, piped, go.getEvidenceIds(), positions::get);
        assertThat(inputs.unresolved()).isEmpty();
        Decision replayed = inputs.evaluate(new PolicyEngine(),
                policies.byHash(go.getPolicy().getContentHash()).orElseThrow().policy(), go.getStage(),
                go.getEvaluatedAt());
        assertThat(GateDecisions.toEvent(replayed, go.getPreviousDecisionId())).isEqualTo(go);
    }

    @Test
    void aBurstOfTenThousandSamplesIsDecidedAFewTimesNotTenThousand() {
        pipe(releases, RELEASE);
        decisions.readValuesToList();
        for (int i = 0; i < 10_000; i++) {
            Instant at = T.minusSeconds(10_000 - i);
            pipe(metrics, i % 2 == 0 ? metric("m" + i, "metric-a", null, "error_rate", 0.01, at)
                    : metric("m" + i, "metric-a", null, "latency_ms", 100 + i % 300, at));
        }
        driver.advanceWallClockTime(TICK);

        List<GateDecided> decided = decisions.readValuesToList();
        // At most one evaluation per 1,000 pending samples, plus the tick; early in the burst the
        // latency samples are older than the criterion's hour, so it holds first.
        assertThat(decided).hasSizeBetween(1, 11);
        assertThat(decided.get(decided.size() - 1).getOutcome()).isEqualTo(GateOutcome.GO);
        assertThat(driver.<String, String>getKeyValueStore(GateTopology.WAKE_UPS_STORE).get(
                StoreKeys.wakeUp(T.toEpochMilli(), StoreKeys.release("metric-a", "1.0.0"))))
                .as("the mark is taken by the tick").isNull();
    }

    private <V extends SpecificRecord> void pipe(TestInputTopic<String, SpecificRecord> topic, V event) {
        piped.add(event);
        if (topic == metrics) {
            positions.put(event, new SourceOffset(0, positions.size())); // the driver's one partition, in order
        }
        topic.pipeInput(EvidenceFold.target(event), event);
    }

    @SuppressWarnings("unchecked")
    private TestInputTopic<String, SpecificRecord> input(String topic, Serializer<?> values) {
        return driver.createInputTopic(topic, new StringSerializer(), (Serializer<SpecificRecord>) values);
    }
}
