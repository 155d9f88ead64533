package dev.greenlight.gate.decision.kafka;

import static dev.greenlight.evidence.EvidenceEvents.fired;
import static dev.greenlight.evidence.EvidenceEvents.meta;
import static dev.greenlight.evidence.EvidenceEvents.release;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.AlertSeverity;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.events.RolloutPaused;
import dev.greenlight.events.RolloutStepStarted;
import dev.greenlight.gate.MutableClock;
import dev.greenlight.platform.kafka.TopicSerdes;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.policy.catalog.PolicyCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints through the real topology: the rollout controller's step start on
 * {@code greenlight.rollouts} schedules them, the wall-clock punctuation decides each at its
 * offset, and an alert that fails one for good is decided when it is processed.
 */
class CheckpointTopologyTest {

    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");
    private static final String TARGET = "ckpt-model";

    private final MutableClock clock = new MutableClock(T);
    private final PolicyCatalog policies = new PolicyCatalog(List.of(TestPolicies.load("test-checkpoint-gate.yaml")));
    private TopologyTestDriver driver;
    private TestInputTopic<String, SpecificRecord> releases;
    private TestInputTopic<String, SpecificRecord> rollouts;
    private TestInputTopic<String, SpecificRecord> alerts;
    private TestOutputTopic<String, GateDecided> decisions;

    @BeforeEach
    void start() {
        TopicSerdes serdes = new TopicSerdes(new InMemorySchemaRegistryClient(), true);
        StreamsBuilder builder = new StreamsBuilder();
        GateTopology.build(builder, serdes, policies, clock, Duration.ofSeconds(1));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "gate-checkpoint-test");
        driver = new TopologyTestDriver(builder.build(), config, T);
        releases = input(serdes, Topics.RELEASES.name(), Topics.RELEASES);
        rollouts = input(serdes, Topics.ROLLOUTS.name(), Topics.ROLLOUTS);
        alerts = input(serdes, Topics.ALERTS.name(), Topics.ALERTS);
        decisions = driver.createOutputTopic(Topics.DECISIONS.name(), new StringDeserializer(),
                serdes.forTopic(Topics.DECISIONS).deserializer());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private TestInputTopic<String, SpecificRecord> input(TopicSerdes serdes, String name,
                                                        dev.greenlight.platform.topics.Topic topic) {
        return driver.createInputTopic(name, new StringSerializer(), serdes.forTopic(topic).serializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void rampStarted() {
        ReleaseRegistered release = release("r1", TARGET, "1.0.0", ReleaseType.MODEL, T.minusSeconds(3600));
        releases.pipeInput(TARGET, release);
        rollouts.pipeInput(TARGET, RolloutStepStarted.newBuilder().setMeta(meta("step-1", T)).setTarget(TARGET)
                .setVersion("1.0.0").setStage("live").setTrafficPercent(10).setSoakUntil(T.plus(Duration.ofHours(2)))
                .setCommandSequence(1L).build());
        // Another rollout event of the topic is not the gate's business.
        rollouts.pipeInput(TARGET, RolloutPaused.newBuilder().setMeta(meta("paused-1", T)).setTarget(TARGET)
                .setVersion("1.0.0").setStage("live").setTrafficPercent(10).setPausedBy("x").setReason("y").build());
        decisions.readValuesToList(); // the stage gate's own decision
    }

    private List<GateDecided> checkpointDecisions() {
        return decisions.readValuesToList().stream().filter(d -> d.getCheckpoint() != null).toList();
    }

    private void tick(Duration by) {
        clock.advance(by);
        driver.advanceWallClockTime(by);
    }

    @Test
    void aStepStartSchedulesT30WhichIsDecidedAtItsOffsetNotBefore() {
        rampStarted();

        tick(Duration.ofMinutes(30).minusSeconds(1));
        assertThat(checkpointDecisions()).isEmpty();

        tick(Duration.ofSeconds(1));
        List<GateDecided> t30 = checkpointDecisions();
        assertThat(t30).singleElement().satisfies(d -> {
            assertThat(d.getCheckpoint()).isEqualTo("t+30");
            assertThat(d.getStage()).isEqualTo("live");
            assertThat(d.getStageStartedAt()).isEqualTo(T);
            assertThat(d.getOutcome()).isEqualTo(GateOutcome.GO);
            assertThat(d.getEvaluatedAt()).isEqualTo(T.plus(Duration.ofMinutes(30)));
        });
    }

    @Test
    void aWarningAtT5FailsT30WhenItIsProcessed() {
        rampStarted();
        tick(Duration.ofMinutes(5));

        alerts.pipeInput(TARGET, fired("w5", TARGET, "fp-w5", AlertSeverity.WARNING, clock.instant()));

        assertThat(checkpointDecisions()).singleElement().satisfies(d -> {
            assertThat(d.getCheckpoint()).isEqualTo("t+30");
            assertThat(d.getOutcome()).isEqualTo(GateOutcome.NO_GO);
            assertThat(d.getEvaluatedAt()).isEqualTo(T.plus(Duration.ofMinutes(5)));
        });
        tick(Duration.ofMinutes(30));
        assertThat(checkpointDecisions()).as("decided once").isEmpty();
    }
}
