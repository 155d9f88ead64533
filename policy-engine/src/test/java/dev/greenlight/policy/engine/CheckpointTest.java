package dev.greenlight.policy.engine;

import static dev.greenlight.policy.engine.Given.alert;
import static dev.greenlight.policy.engine.Given.common;
import static dev.greenlight.policy.engine.Given.evidence;
import static dev.greenlight.policy.engine.Given.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.model.Aggregate;
import dev.greenlight.policy.model.AlertsCriterion;
import dev.greenlight.policy.model.Baseline;
import dev.greenlight.policy.model.Checkpoint;
import dev.greenlight.policy.model.Comparator;
import dev.greenlight.policy.model.Criterion;
import dev.greenlight.policy.model.Defaults;
import dev.greenlight.policy.model.Governs;
import dev.greenlight.policy.model.GuardAction;
import dev.greenlight.policy.model.MetricCriterion;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.Severity;
import dev.greenlight.policy.model.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints are decisions at an offset from the stage start: both sides of the offset, a
 * failure that cannot be undone decided when it happens, degradation against the stage start.
 */
class CheckpointTest {

    private static final Instant START = Instant.parse("2026-03-10T12:00:00Z");
    private static final Duration T30 = Duration.ofMinutes(30);

    private static final AlertsCriterion NO_WARNINGS = new AlertsCriterion(common("no-warnings"), Severity.WARNING,
            null, null, true);
    private static final MetricCriterion ENTROPY_NOT_DEGRADED = new MetricCriterion(common("entropy-not-degraded"),
            "policy_entropy", Aggregate.LATEST, null, Comparator.GE, 1.0, null,
            Baseline.ofMetric(Checkpoint.STAGE_START_BASELINE), 1);

    @Test
    void givenNoAlert_whenOneMillisecondBeforeTheOffset_thenNothingIsDecidedYet() {
        CheckpointDecision verdict = evaluate(List.of(NO_WARNINGS), evidence(), START.plus(T30).minusMillis(1));

        assertThat(verdict.decided()).isFalse();
        assertThat(verdict.decision().nextChangeAt()).isEqualTo(START.plus(T30));
    }

    @Test
    void givenNoAlert_whenTheOffsetIsReached_thenTheCheckpointIsDecidedGo() {
        CheckpointDecision verdict = evaluate(List.of(NO_WARNINGS), evidence(), START.plus(T30));

        assertThat(verdict.decided()).isTrue();
        assertThat(verdict.decision().outcome()).isEqualTo(Outcome.GO);
        assertThat(verdict.decision().nextChangeAt()).isNull();
        assertThat(verdict.dueAt()).isEqualTo(START.plus(T30));
    }

    @Test
    void givenAWarningAtTPlus5_whenEvaluatedAtTPlus5_thenTheCheckpointFailsThenNotAtTPlus30() {
        Instant t5 = START.plus(Duration.ofMinutes(5));
        Evidence evidence = evidence().withAlerts(List.of(alert("a5", Severity.WARNING, t5, t5.plusSeconds(60))));

        CheckpointDecision verdict = evaluate(List.of(NO_WARNINGS), evidence, t5);

        assertThat(verdict.decided()).isTrue();
        assertThat(verdict.decision().outcome()).isEqualTo(Outcome.NO_GO);
        assertThat(verdict.decision().evaluatedAt()).isEqualTo(t5);
        assertThat(verdict.decision().criterion("no-warnings").evidenceIds()).contains("a5");
    }

    @Test
    void givenAWarningResolvedBeforeTheStageStarted_thenItDoesNotCount() {
        Evidence evidence = evidence().withAlerts(List.of(alert("old", Severity.WARNING, START.minusSeconds(600), START)));

        CheckpointDecision verdict = evaluate(List.of(NO_WARNINGS), evidence, START.plus(T30));

        assertThat(verdict.decision().outcome()).isEqualTo(Outcome.GO);
    }

    @Test
    void givenALatestValueBelowItsBoundBeforeTheOffset_thenItWaitsForTheOffset() {
        MetricCriterion entropy = new MetricCriterion(common("entropy"), "policy_entropy", Aggregate.LATEST, null,
                Comparator.GE, 0.9, null, null, 1);
        Evidence evidence = evidence().withMetrics(List.of(sample("e1", "policy_entropy", 0.85, START.plusSeconds(600))));

        CheckpointDecision early = evaluate(List.of(entropy), evidence, START.plusSeconds(600));
        CheckpointDecision due = evaluate(List.of(entropy), evidence, START.plus(T30));

        assertThat(early.decided()).as("a latest value may recover before the offset").isFalse();
        assertThat(early.decision().outcome()).isEqualTo(Outcome.NO_GO);
        assertThat(due.decided()).isTrue();
        assertThat(due.decision().outcome()).isEqualTo(Outcome.NO_GO);
    }

    @Test
    void givenAMaximumBeyondItsBound_thenTheFailureIsSettledAtOnce() {
        MetricCriterion maxSpread = new MetricCriterion(common("max-spread"), "q_spread", Aggregate.MAX, null,
                Comparator.LE, 3, null, null, 1);
        Evidence evidence = evidence().withMetrics(List.of(sample("q1", "q_spread", 3.1, START.plusSeconds(60))));

        assertThat(evaluate(List.of(maxSpread), evidence, START.plusSeconds(60)).decided()).isTrue();
    }

    @Test
    void givenEntropyExactlyAtItsStageStartValue_thenItIsNotDegraded() {
        Evidence evidence = evidence()
                .withMetrics(List.of(sample("start", "policy_entropy", 0.93, START.minusSeconds(60))))
                .withMetrics(List.of(sample("now", "policy_entropy", 0.93, START.plus(Duration.ofMinutes(110)))));

        CheckpointDecision verdict = evaluate(List.of(ENTROPY_NOT_DEGRADED), evidence, START.plus(T30.multipliedBy(4)));

        assertThat(verdict.decision().outcome()).isEqualTo(Outcome.GO);
        CriterionResult result = verdict.decision().criterion("entropy-not-degraded");
        assertThat(result.threshold()).contains("0.93");
        assertThat(result.evidenceIds()).containsExactly("now", "start");
    }

    @Test
    void givenEntropyJustBelowItsStageStartValue_thenItIsDegradedThoughAboveAnyKillThreshold() {
        Evidence evidence = evidence()
                .withMetrics(List.of(sample("start", "policy_entropy", 0.93, START.minusSeconds(60))))
                .withMetrics(List.of(sample("now", "policy_entropy", 0.9299, START.plus(Duration.ofMinutes(110)))));

        CheckpointDecision verdict = evaluate(List.of(ENTROPY_NOT_DEGRADED), evidence, START.plus(T30.multipliedBy(4)));

        assertThat(verdict.decided()).isTrue();
        assertThat(verdict.decision().outcome()).isEqualTo(Outcome.NO_GO);
        assertThat(verdict.decision().criterion("entropy-not-degraded").status()).isEqualTo(CriterionStatus.FAIL);
    }

    @Test
    void givenNoSampleBeforeTheStageStart_thenTheDegradationCriterionIsPending() {
        Evidence evidence = evidence().withMetrics(List.of(sample("now", "policy_entropy", 0.95, START.plusSeconds(60))));

        CheckpointDecision verdict = evaluate(List.of(ENTROPY_NOT_DEGRADED), evidence, START.plus(T30.multipliedBy(4)));

        assertThat(verdict.decision().outcome()).isEqualTo(Outcome.HOLD);
        assertThat(verdict.decision().missing()).containsExactly("metric:entropy-not-degraded");
    }

    @Test
    void theDecisionIdDependsOnTheStageStartAndTheCheckpoint() {
        Instant at = START.plus(Duration.ofHours(3));
        CheckpointDecision one = evaluate(List.of(NO_WARNINGS), evidence(), at);
        CheckpointDecision again = evaluate(List.of(NO_WARNINGS), evidence(), at);
        CheckpointDecision restarted = new PolicyEngine().evaluateCheckpoint(policy(List.of(NO_WARNINGS)), "live",
                "t+30", evidence(), START.plusSeconds(1), at);

        assertThat(again.decision().decisionId()).isEqualTo(one.decision().decisionId());
        assertThat(restarted.decision().decisionId()).isNotEqualTo(one.decision().decisionId());
    }

    private static CheckpointDecision evaluate(List<Criterion> criteria, Evidence evidence, Instant at) {
        return new PolicyEngine().evaluateCheckpoint(policy(criteria), "live", "t+30", evidence, START, at);
    }

    private static Policy policy(List<Criterion> criteria) {
        Checkpoint checkpoint = new Checkpoint("t+30", T30, criteria, GuardAction.KILL, null);
        Stage stage = new Stage("live", 10, Duration.ofHours(2), List.of(), List.of(), List.of(checkpoint));
        return new Policy("test", "1", "", new Governs(List.of("*"), Set.of()), List.of(stage), Defaults.none(),
                "hash");
    }
}
