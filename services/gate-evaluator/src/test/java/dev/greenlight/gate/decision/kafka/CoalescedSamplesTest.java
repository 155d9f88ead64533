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
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.InMemoryKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Coalesced metric samples through the real topology, with the service's two periods (wake-ups
 * every second, samples within 100 ms): a burst waits for the coalescing tick, the release is
 * marked due in the stores (so a target reloaded from them — as after a restart — is still
 * evaluated, and a gate started over stores holding such marks decides them at its first coalescing
 * tick), and what the tick decides replays from the events it cites. While no sample waits there is
 * no coalescing tick: an idle task punctuates once a second, as every punctuation costs a commit.
 */
class CoalescedSamplesTest {

    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");
    /** {@code greenlight.gate.coalesce-every}. */
    private static final Duration TICK = Duration.ofMillis(100);
    /** {@code greenlight.gate.punctuate-every}. */
    private static final Duration PUNCTUATE_EVERY = Duration.ofSeconds(1);
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
        start(Stores::inMemoryKeyValueStore);
    }

    private void start(Function<String, KeyValueBytesStoreSupplier> stores) {
        TopicSerdes serdes = new TopicSerdes(new InMemorySchemaRegistryClient(), true);
        StreamsBuilder builder = new StreamsBuilder();
        // One cached target: switching targets reloads the other from the stores.
        GateTopology.build(builder, serdes, policies, clock, PUNCTUATE_EVERY, TICK, 1,
                new Coalescing(Coalescing.DEFAULT_MAX_PENDING_SAMPLES), true, GateTopology.DEFAULT_EVIDENCE_AHEAD,
                stores);
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

    @Test
    void withoutWaitingSamplesThereIsNoCoalescingTick_aWakeUpIsTakenAtTheSecondlyPunctuation() {
        pipe(releases, RELEASE);
        pipe(metrics, metric("m1", "metric-a", null, "error_rate", 0.01, T));
        pipe(metrics, metric("m2", "metric-a", null, "latency_ms", 120, T));
        driver.advanceWallClockTime(TICK);
        assertThat(decisions.readValuesToList()).extracting(GateDecided::getOutcome)
                .containsExactly(GateOutcome.HOLD, GateOutcome.GO);

        // The latency sample leaves its hour: the release's wake-up is due, and no sample waits.
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        Duration sinceStart = TICK; // the driver's wall clock, from the gate's start
        while (sinceStart.plus(TICK).compareTo(PUNCTUATE_EVERY) < 0) {
            driver.advanceWallClockTime(TICK);
            sinceStart = sinceStart.plus(TICK);
            assertThat(decisions.isEmpty()).as("no coalescing tick at %s: nothing waits", sinceStart).isTrue();
        }
        driver.advanceWallClockTime(TICK); // a second after the gate started: its punctuation

        GateDecided hold = decisions.readValue();
        assertThat(hold.getOutcome()).isEqualTo(GateOutcome.HOLD);
        assertThat(hold.getMissing()).contains("metric:worst-latency");
    }

    @Test
    void samplesMarkedBeforeARestartAreDecidedAtTheFirstCoalescingTickAfterIt() {
        driver.close();
        Function<String, KeyValueBytesStoreSupplier> kept = keptStores();
        start(kept);
        pipe(releases, RELEASE);
        pipe(metrics, metric("m1", "metric-a", null, "error_rate", 0.01, T));
        pipe(metrics, metric("m2", "metric-a", null, "latency_ms", 120, T));
        assertThat(decisions.readValuesToList()).extracting(GateDecided::getOutcome)
                .containsExactly(GateOutcome.HOLD);
        driver.close(); // stopped before the tick: the release stays marked due in the stores

        start(kept);
        driver.advanceWallClockTime(TICK);

        assertThat(decisions.isEmpty()).as("decided at the restarted gate's first coalescing tick, not its first second")
                .isFalse();
        GateDecided go = decisions.readValue();
        assertThat(go.getOutcome()).isEqualTo(GateOutcome.GO);
        assertThat(go.getPreviousDecisionId()).as("after the HOLD recorded before the restart").isNotNull();
        assertThat(decisions.isEmpty()).isTrue();
    }

    /**
     * In-memory stores whose contents outlive a driver (its close keeps them), as a gate's state
     * outlives a restart: the next driver's tasks initialise over what the last one wrote.
     */
    private static Function<String, KeyValueBytesStoreSupplier> keptStores() {
        Map<String, KeyValueStore<Bytes, byte[]>> stores = new HashMap<>();
        return name -> new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return stores.computeIfAbsent(name, ignored -> new InMemoryKeyValueStore(name) {
                    @Override
                    public void close() {
                        // kept for the next driver
                    }
                });
            }

            @Override
            public String metricsScope() {
                return "in-memory";
            }
        };
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
