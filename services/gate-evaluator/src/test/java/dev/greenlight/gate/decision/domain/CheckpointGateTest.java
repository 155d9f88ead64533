package dev.greenlight.gate.decision.domain;

import static dev.greenlight.evidence.EvidenceEvents.fired;
import static dev.greenlight.evidence.EvidenceEvents.meta;
import static dev.greenlight.evidence.EvidenceEvents.metric;
import static dev.greenlight.evidence.EvidenceEvents.release;
import static dev.greenlight.gate.decision.domain.GateScenario.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.AlertSeverity;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.events.RolloutStepStarted;
import dev.greenlight.evidence.EvidenceFold;
import dev.greenlight.evidence.GateDecisions;
import dev.greenlight.policy.engine.Outcome;
import dev.greenlight.policy.engine.PolicyEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A live stage's monitoring checkpoints through the gate's business loop: the step start schedules
 * them as wake-ups, each is a recorded decision at its offset (not a millisecond before), a failure
 * that cannot be undone is decided when it happens, and the recorded event replays byte for byte.
 */
class CheckpointGateTest {

    private static final String TARGET = "ckpt-model";
    private static final String VERSION = "1.0.0";
    private static final Duration T30 = Duration.ofMinutes(30);
    private static final ReleaseRegistered RELEASE = release("r1", TARGET, VERSION, ReleaseType.MODEL,
            START.minus(Duration.ofHours(1)));

    private static RolloutStepStarted stepStarted(String id, Instant at) {
        return RolloutStepStarted.newBuilder().setMeta(meta(id, at)).setTarget(TARGET).setVersion(VERSION)
                .setStage("live").setTrafficPercent(10).setSoakUntil(at.plus(Duration.ofHours(2)))
                .setCommandSequence(1L).build();
    }

    private static GateScenario rampStarted() {
        GateScenario s = new GateScenario().given(RELEASE,
                metric("e0", TARGET, null, "policy_entropy", 0.93, START.minusSeconds(60)));
        s.when(stepStarted("step-1", START));
        return s;
    }

    private static List<StageDecision> checkpointDecisions(GateScenario s, String checkpoint) {
        return s.emitted.stream().filter(d -> d.checkpoint() != null && d.checkpoint().checkpoint().equals(checkpoint))
                .toList();
    }

    @Test
    void givenARampStarted_whenT30MinusOneMillisecond_thenNoCheckpointDecisionYet_andAtT30ItIsDecided() {
        GateScenario s = rampStarted();
        assertThat(s.state.wakeUp(VERSION)).as("the first checkpoint is the release's wake-up").contains(START.plus(T30));

        s.after(T30.minusMillis(1));
        assertThat(checkpointDecisions(s, "t+30")).isEmpty();

        s.after(Duration.ofMillis(1));
        List<StageDecision> t30 = checkpointDecisions(s, "t+30");
        assertThat(t30).hasSize(1);
        assertThat(t30.get(0).decision().outcome()).isEqualTo(Outcome.GO);
        assertThat(t30.get(0).decision().evaluatedAt()).isEqualTo(START.plus(T30));
        assertThat(s.state.wakeUp(VERSION)).as("next: T+120").contains(START.plus(Duration.ofHours(2)));

        s.after(Duration.ofMinutes(10));
        assertThat(checkpointDecisions(s, "t+30")).as("a decided checkpoint is decided once").hasSize(1);
    }

    @Test
    void givenAWarningAtT5_thenT30FailsAtT5() {
        GateScenario s = rampStarted();
        s.now = START.plus(Duration.ofMinutes(5));

        s.when(fired("w5", TARGET, "fp-w5", AlertSeverity.WARNING, s.now));

        List<StageDecision> t30 = checkpointDecisions(s, "t+30");
        assertThat(t30).hasSize(1);
        assertThat(t30.get(0).decision().outcome()).isEqualTo(Outcome.NO_GO);
        assertThat(t30.get(0).decision().evaluatedAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        GateDecided event = GateDecisions.toEvent(t30.get(0).checkpoint(), t30.get(0).previousDecisionId());
        assertThat(event.getCheckpoint()).isEqualTo("t+30");
        assertThat(event.getStageStartedAt()).isEqualTo(START);

        s.after(T30);
        assertThat(checkpointDecisions(s, "t+30")).as("not decided again at T+30").hasSize(1);
    }

    @Test
    void givenEntropyExactlyAtItsRampStartValue_thenT120Passes_andJustBelowItFails() {
        GateScenario stable = rampStarted();
        stable.now = START.plus(Duration.ofMinutes(110));
        stable.when(metric("e110", TARGET, null, "policy_entropy", 0.93, stable.now));
        stable.after(Duration.ofMinutes(10));
        assertThat(checkpointDecisions(stable, "t+120")).extracting(d -> d.decision().outcome())
                .containsExactly(Outcome.GO);

        GateScenario degraded = rampStarted();
        degraded.now = START.plus(Duration.ofMinutes(110));
        degraded.when(metric("e110", TARGET, null, "policy_entropy", 0.929, degraded.now));
        assertThat(checkpointDecisions(degraded, "t+120")).as("a latest value may still recover").isEmpty();
        degraded.after(Duration.ofMinutes(10));
        assertThat(checkpointDecisions(degraded, "t+120")).extracting(d -> d.decision().outcome())
                .containsExactly(Outcome.NO_GO);
    }

    @Test
    void aRecordedCheckpointDecisionReplaysByteForByteFromTheEventsItCites() {
        GateScenario s = rampStarted();
        s.now = START.plus(Duration.ofMinutes(110));
        s.when(metric("e110", TARGET, null, "policy_entropy", 0.929, s.now));
        s.after(Duration.ofMinutes(10));
        StageDecision recorded = checkpointDecisions(s, "t+120").get(0);
        GateDecided event = GateDecisions.toEvent(recorded.checkpoint(), recorded.previousDecisionId());

        var evidence = EvidenceFold.fold(RELEASE, EvidenceFold.cited(s.all, event.getEvidenceIds()));
        GateDecided replayed = GateDecisions.toEvent(new PolicyEngine().evaluateCheckpoint(
                GateScenario.POLICIES.byName("test-checkpoint-gate").orElseThrow(), event.getStage(),
                event.getCheckpoint(), evidence, event.getStageStartedAt(), event.getEvaluatedAt()),
                event.getPreviousDecisionId());

        assertThat(replayed).isEqualTo(event);
        assertThat(event.getEvidenceIds()).contains("e0", "e110");
    }

    @Test
    void aStageEnteredAgainStartsItsCheckpointsAfresh() {
        GateScenario s = rampStarted();
        s.after(T30);
        assertThat(checkpointDecisions(s, "t+30")).hasSize(1);

        Instant again = s.now.plus(Duration.ofHours(1));
        s.now = again;
        s.when(stepStarted("step-2", again));
        s.after(T30);

        List<StageDecision> t30 = checkpointDecisions(s, "t+30");
        assertThat(t30).hasSize(2);
        assertThat(t30.get(1).checkpoint().stageStartedAt()).isEqualTo(again);
    }
}
