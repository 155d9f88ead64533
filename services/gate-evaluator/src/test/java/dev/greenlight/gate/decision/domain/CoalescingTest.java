package dev.greenlight.gate.decision.domain;

import static dev.greenlight.evidence.EvidenceEvents.approval;
import static dev.greenlight.evidence.EvidenceEvents.metric;
import static dev.greenlight.evidence.EvidenceEvents.release;
import static dev.greenlight.gate.decision.domain.GateScenario.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.GateDecided;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.evidence.DecisionInputs;
import dev.greenlight.evidence.EvidenceFold;
import dev.greenlight.evidence.GateDecisions;
import dev.greenlight.policy.engine.Decision;
import dev.greenlight.policy.engine.Outcome;
import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.model.Policy;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * A burst of metric samples for one target is evaluated once per tick (or per
 * {@link Coalescing#maxPendingSamples}), not once per sample, and decides exactly what evaluating
 * every sample would have decided.
 */
class CoalescingTest {

    private static final String TARGET = "metric-a";
    private static final ReleaseRegistered RELEASE = release("r1", TARGET, "1.0.0", ReleaseType.BUGFIX, START);

    /** {@code n} samples for one target, observed one a second up to now: error rate and latency, interleaved. */
    private static List<SpecificRecord> burst(int n) {
        List<SpecificRecord> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var observedAt = START.minusSeconds(n - i);
            samples.add(i % 2 == 0
                    ? metric("m" + i, TARGET, null, "error_rate", i % 100 == 0 ? 0.2 : 0.01, observedAt)
                    : metric("m" + i, TARGET, null, "latency_ms", 100 + i % 300, observedAt));
        }
        return samples;
    }

    @Test
    void tenThousandSamplesForOneTargetCauseAFewEvaluationsAndTheDecisionEvaluatingEachWouldEndWith() {
        GateScenario coalesced = new GateScenario(new Coalescing(Coalescing.DEFAULT_MAX_PENDING_SAMPLES))
                .given(RELEASE);
        List<SpecificRecord> burst = burst(10_000);

        burst.forEach(coalesced::when);
        coalesced.tick();

        assertThat(coalesced.evaluations).as("registration, one per 1,000 pending samples, the tick")
                .isLessThanOrEqualTo(1 + 10 + 1);
        // Evaluating every sample (all arriving now) ends with the engine's verdict on all of them, now.
        Policy policy = GateScenario.POLICIES.governing(TARGET, dev.greenlight.policy.model.ReleaseType.BUGFIX, null)
                .orElseThrow();
        List<SpecificRecord> everything = new ArrayList<>(burst);
        everything.add(RELEASE);
        Decision last = new PolicyEngine().evaluate(policy, "canary", EvidenceFold.fold(RELEASE, everything), START);
        assertThat(coalesced.state.verdict("1.0.0", "canary")).get().usingRecursiveComparison()
                .ignoringFields("decisionId").isEqualTo(LastVerdict.of(last));
        assertThat(last.outcome()).isEqualTo(Outcome.GO);
    }

    @Test
    void aCoalescedBurstEndsWithTheVerdictOfEvaluatingEverySampleAndFlapsLess() {
        GateScenario each = new GateScenario(Coalescing.NONE).given(RELEASE);
        GateScenario coalesced = new GateScenario(new Coalescing(100)).given(RELEASE);

        burst(2_000).forEach(each::when);
        burst(2_000).forEach(coalesced::when);
        coalesced.tick();

        assertThat(each.evaluations).isEqualTo(1 + 2_000);
        assertThat(coalesced.evaluations).isLessThanOrEqualTo(1 + 20 + 1);
        // The ids differ only because the uncoalesced gate last decided on an earlier sample (its
        // later evaluations changed no status, so emitted nothing).
        assertThat(coalesced.state.verdict("1.0.0", "canary")).get().usingRecursiveComparison()
                .ignoringFields("decisionId").isEqualTo(each.state.verdict("1.0.0", "canary").orElseThrow());
        // Each error-rate spike held for two samples: evaluating every sample flapped NO_GO/GO,
        // evaluating per 100 samples does not; what was decided replays either way (last test).
        assertThat(coalesced.emitted.size()).isLessThan(each.emitted.size());
    }

    @Test
    void aSampleMarksItsReleasesDueAtTheNextTickWhichEvaluatesThemOnce() {
        GateScenario s = new GateScenario(new Coalescing(100)).given(RELEASE);
        assertThat(s.outcomes()).containsExactly(Outcome.HOLD);

        s.when(metric("m1", TARGET, null, "error_rate", 0.01, START));
        s.when(metric("m2", TARGET, null, "latency_ms", 120, START));

        assertThat(s.step.evaluations()).isZero();
        assertThat(s.state.wakeUp("1.0.0")).as("due now").contains(START);
        s.tick();
        assertThat(s.step.evaluations()).isEqualTo(1);
        assertThat(s.outcomes()).containsExactly(Outcome.GO);
        assertThat(s.state.wakeUp("1.0.0")).as("back to the engine's nextChangeAt: the latency sample leaves its window")
                .contains(START.plus(java.time.Duration.ofHours(1)));
    }

    @Test
    void registrationsAndOtherEvidenceAreNeverDeferredAndTakeThePendingSamplesWithThem() {
        GateScenario s = new GateScenario(new Coalescing(100)).given(RELEASE,
                metric("m1", TARGET, null, "error_rate", 0.01, START),
                metric("m2", TARGET, null, "latency_ms", 120, START));
        assertThat(s.step.evaluations()).isZero();

        s.when(approval("p1", TARGET, "1.0.0", "ap-1", "founder", "erin", START, null));

        assertThat(s.step.evaluations()).isEqualTo(1);
        assertThat(s.outcomes()).containsExactly(Outcome.GO);
        s.when(release("r2", TARGET, "2.0.0", ReleaseType.BUGFIX, START));
        assertThat(s.step.evaluations()).isEqualTo(1);
    }

    @Test
    void aCoalescedDecisionReplaysByteForByteFromTheEventsItCitesAtItsEvaluatedAt() {
        GateScenario s = new GateScenario(new Coalescing(Coalescing.DEFAULT_MAX_PENDING_SAMPLES)).given(RELEASE);
        burst(10_000).forEach(s::when);
        s.after(java.time.Duration.ofMillis(100));

        for (StageDecision recorded : s.emitted) {
            GateDecided event = GateScenario.event(recorded);
            Policy policy = GateScenario.POLICIES.byHash(event.getPolicy().getContentHash()).orElseThrow().policy();
            DecisionInputs inputs = DecisionInputs.of(RELEASE, s.all, event.getEvidenceIds());
            assertThat(inputs.unresolved()).isEmpty();
            Decision replayed = inputs.evaluate(new PolicyEngine(), policy, event.getStage(), event.getEvaluatedAt());
            assertThat(GateDecisions.toEvent(replayed, event.getPreviousDecisionId())).isEqualTo(event);
        }
    }
}
