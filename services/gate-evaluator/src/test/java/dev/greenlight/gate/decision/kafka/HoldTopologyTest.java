package dev.greenlight.gate.decision.kafka;

import static dev.greenlight.evidence.EvidenceEvents.approval;
import static dev.greenlight.evidence.EvidenceEvents.release;
import static dev.greenlight.gate.decision.domain.HoldEvents.declared;
import static dev.greenlight.gate.decision.domain.HoldEvents.lifted;
import static dev.greenlight.gate.decision.domain.HoldEvents.placed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.FreezeDeclared;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.HoldPlaced;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.gate.MutableClock;
import dev.greenlight.platform.kafka.TopicSerdes;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Holds through the real topology: a hold on a pattern, read from the global holds store, holds
 * every covered target's releases at the next tick without any evidence of theirs arriving, and
 * its lift lets them go at the next tick; a target it does not cover is untouched. A runtime
 * freeze window travels the same way and holds from its start to its end.
 */
class HoldTopologyTest {

    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");
    private static final Duration TICK = Duration.ofSeconds(1);

    private final MutableClock clock = new MutableClock(T);
    private TopologyTestDriver driver;
    private TestInputTopic<String, ReleaseRegistered> releases;
    private TestInputTopic<String, SpecificRecord> approvals;
    private TestInputTopic<String, SpecificRecord> holds;
    private TestOutputTopic<String, GateDecided> decisions;

    @BeforeEach
    void start() {
        TopicSerdes serdes = new TopicSerdes(new InMemorySchemaRegistryClient(), true);
        StreamsBuilder builder = new StreamsBuilder();
        GateTopology.build(builder, serdes, TestPolicies.catalog(), clock, TICK);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "gate-hold-test");
        driver = new TopologyTestDriver(builder.build(), config, T);
        releases = driver.createInputTopic(Topics.RELEASES.name(), new StringSerializer(),
                serdes.forTopic(Topics.RELEASES).serializer());
        approvals = driver.createInputTopic(Topics.APPROVALS.name(), new StringSerializer(),
                serdes.forTopic(Topics.APPROVALS).serializer());
        holds = driver.createInputTopic(Topics.HOLDS.name(), new StringSerializer(),
                serdes.forTopic(Topics.HOLDS).serializer());
        decisions = driver.createOutputTopic(Topics.DECISIONS.name(), new StringDeserializer(),
                serdes.forTopic(Topics.DECISIONS).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aHoldOnAPatternHoldsEveryCoveredTargetAtTheNextTick_andItsLiftLetsThemGo() {
        for (String target : List.of("svc-a", "svc-b", "svcx")) {
            releases.pipeInput(target, release("r-" + target, target, "1.0.0", ReleaseType.BUGFIX, T));
            approvals.pipeInput(target, approval("p-" + target, target, "1.0.0", "ap-" + target, "founder", "erin",
                    T, null));
        }
        assertThat(latestByTarget()).containsEntry("svc-a", GateOutcome.GO).containsEntry("svc-b", GateOutcome.GO);

        HoldPlaced hold = placed("h1", "hold-1", "incident-7", "svc-*", "erin", T);
        holds.pipeInput(hold.getTarget(), hold);
        tick();

        List<KeyValue<String, GateDecided>> held = decisions.readKeyValuesToList();
        assertThat(held).extracting(kv -> kv.key).containsExactlyInAnyOrder("svc-a", "svc-b");
        assertThat(held).allSatisfy(kv -> {
            assertThat(kv.value.getOutcome()).isEqualTo(GateOutcome.HOLD);
            assertThat(kv.value.getMissing()).containsExactly("hold:incident-7");
        });

        holds.pipeInput(hold.getTarget(), lifted("h2", hold, "erin", T.plusSeconds(5)));
        tick();

        List<KeyValue<String, GateDecided>> released = decisions.readKeyValuesToList();
        assertThat(released).extracting(kv -> kv.key).containsExactlyInAnyOrder("svc-a", "svc-b");
        assertThat(released).extracting(kv -> kv.value.getOutcome()).containsOnly(GateOutcome.GO);
    }

    @Test
    void aRuntimeFreezeOnAPatternHoldsEveryCoveredTargetFromItsStartUntilItsEnd() {
        for (String target : List.of("svc-a", "svcx")) {
            releases.pipeInput(target, release("r-" + target, target, "1.0.0", ReleaseType.BUGFIX, T));
            approvals.pipeInput(target, approval("p-" + target, target, "1.0.0", "ap-" + target, "founder", "erin",
                    T, null));
        }
        FreezeDeclared freeze = declared("f1", "freeze-1", "quarter-close", "svc-*", "erin", T,
                T.plusSeconds(10), T.plusSeconds(20), List.of(), List.of());
        holds.pipeInput(freeze.getTarget(), freeze);
        tick();
        decisions.readKeyValuesToList();

        for (int i = 0; i < 10; i++) {
            tick();
        }
        List<KeyValue<String, GateDecided>> frozen = decisions.readKeyValuesToList();
        assertThat(frozen).extracting(kv -> kv.key).containsExactly("svc-a");
        assertThat(frozen.get(0).value.getOutcome()).isEqualTo(GateOutcome.HOLD);
        assertThat(frozen.get(0).value.getMissing()).containsExactly("freeze:quarter-close");

        for (int i = 0; i < 10; i++) {
            tick();
        }
        assertThat(decisions.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value.getOutcome())
                .containsExactly("svc-a=GO");
    }

    private Map<String, GateOutcome> latestByTarget() {
        return decisions.readKeyValuesToList().stream()
                .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value.getOutcome(), (a, b) -> b));
    }

    private void tick() {
        clock.advance(TICK);
        driver.advanceWallClockTime(TICK);
    }
}
