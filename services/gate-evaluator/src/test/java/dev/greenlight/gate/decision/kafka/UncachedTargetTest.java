package dev.greenlight.gate.decision.kafka;

import static dev.greenlight.evidence.EvidenceEvents.approval;
import static dev.greenlight.evidence.EvidenceEvents.fired;
import static dev.greenlight.evidence.EvidenceEvents.release;
import static dev.greenlight.evidence.EvidenceEvents.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.AlertSeverity;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.gate.MutableClock;
import dev.greenlight.platform.kafka.TopicSerdes;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * The evaluator decides the same when a target's state is not in its cache and must be read back
 * from the stores (as after a restart or rebalance): with room for one target only, every switch
 * between two targets reloads the other one.
 */
class UncachedTargetTest {

    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");

    private final MutableClock clock = new MutableClock(T);
    private TopologyTestDriver driver;
    private TestInputTopic<String, SpecificRecord> releases;
    private TestInputTopic<String, SpecificRecord> alerts;
    private TestInputTopic<String, SpecificRecord> approvals;
    private TestOutputTopic<String, GateDecided> decisions;

    @BeforeEach
    void start() {
        TopicSerdes serdes = new TopicSerdes(new InMemorySchemaRegistryClient(), true);
        StreamsBuilder builder = new StreamsBuilder();
        GateTopology.build(builder, serdes, TestPolicies.catalog(), clock, Duration.ofSeconds(1), 1,
                Stores::persistentKeyValueStore);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "uncached-target-test");
        driver = new TopologyTestDriver(builder.build(), config, T);
        releases = input(Topics.RELEASES.name(), serdes.forTopic(Topics.RELEASES).serializer());
        alerts = input(Topics.ALERTS.name(), serdes.forTopic(Topics.ALERTS).serializer());
        approvals = input(Topics.APPROVALS.name(), serdes.forTopic(Topics.APPROVALS).serializer());
        decisions = driver.createOutputTopic(Topics.DECISIONS.name(), new StringDeserializer(),
                serdes.forTopic(Topics.DECISIONS).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aReloadedTargetKeepsItsDuplicatesDecisionsAndWakeUps() {
        releases.pipeInput("svc-a", release("ra", "svc-a", "1.0.0", ReleaseType.BUGFIX, T));
        releases.pipeInput("svc-b", release("rb", "svc-b", "1.0.0", ReleaseType.BUGFIX, T));
        approvals.pipeInput("svc-a", approval("pa", "svc-a", "1.0.0", "ap-a", "founder", "erin", T, null));
        alerts.pipeInput("svc-a", resolved("fa", "svc-a", "fp", AlertSeverity.PAGE, T.minus(Duration.ofHours(2)),
                T.minus(Duration.ofHours(1))));
        approvals.pipeInput("svc-b", approval("pb", "svc-b", "1.0.0", "ap-b", "founder", "erin", T, null));
        List<GateDecided> first = decisions.readValuesToList();
        assertThat(first).extracting(d -> d.getTarget() + ":" + d.getOutcome()).containsExactly(
                "svc-a:HOLD", "svc-b:HOLD", "svc-a:GO", "svc-a:NO_GO", "svc-b:GO");
        GateDecided noGo = first.get(3);

        // svc-a is reloaded: its approval is still known (a duplicate), its NO-GO still the last word.
        approvals.pipeInput("svc-a", approval("pa", "svc-a", "1.0.0", "ap-a", "founder", "erin", T, null));
        alerts.pipeInput("svc-b", fired("fb", "svc-b", "warn", AlertSeverity.WARNING, T));
        alerts.pipeInput("svc-a", fired("fa2", "svc-a", "warn", AlertSeverity.WARNING, T));
        assertThat(decisions.isEmpty()).isTrue();

        // and its wake-up, when the page alert (resolved at T-1h) leaves the 48-hour window, still
        // finds the release.
        clock.advance(Duration.ofHours(47));
        driver.advanceWallClockTime(Duration.ofHours(47));
        GateDecided go = decisions.readValue();
        assertThat(go.getTarget()).isEqualTo("svc-a");
        assertThat(go.getOutcome()).isEqualTo(GateOutcome.GO);
        assertThat(go.getPreviousDecisionId()).isEqualTo(noGo.getDecisionId());
    }

    @SuppressWarnings("unchecked")
    private TestInputTopic<String, SpecificRecord> input(String topic, Serializer<?> values) {
        return driver.createInputTopic(topic, new StringSerializer(), (Serializer<SpecificRecord>) values);
    }
}
