package dev.greenlight.gate.decision.domain;

import static dev.greenlight.evidence.EvidenceEvents.approval;
import static dev.greenlight.evidence.EvidenceEvents.fired;
import static dev.greenlight.evidence.EvidenceEvents.metric;
import static dev.greenlight.evidence.EvidenceEvents.release;
import static dev.greenlight.evidence.EvidenceEvents.resolved;
import static dev.greenlight.gate.decision.domain.GateScenario.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.AlertSeverity;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.policy.engine.Outcome;
import java.time.Duration;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The gate's business loop without Kafka: which releases an event re-evaluates, change detection,
 * wake-ups, retention, duplicates and the first registration. (Coalescing: {@link CoalescingTest}.)
 */
class GateEvaluationTest {

    private static final String SVC = "svc-a";

    private static SpecificRecord signOff(String id, String version) {
        return approval(id, SVC, version, "ap-" + id, "founder", "erin", START, null);
    }

    @Test
    void anEventReEvaluatesOnlyTheReleasesItIsEvidenceFor() {
        GateScenario s = new GateScenario().given(release("r1", SVC, "1.0.0", ReleaseType.BUGFIX, START),
                release("r2", SVC, "2.0.0", ReleaseType.BUGFIX, START));

        s.when(signOff("p1", "1.0.0"));
        assertThat(s.step.evaluations()).as("an approval names its version").isEqualTo(1);
        assertThat(s.step.decisions()).extracting(StageDecision::version).containsOnly("1.0.0");

        s.when(fired("a1", SVC, "fp", AlertSeverity.WARNING, START));
        assertThat(s.step.evaluations()).as("an alert concerns every version of the target").isEqualTo(2);

        s.when(signOff("p2", "3.0.0"));
        assertThat(s.step.evaluations()).as("evidence for an unregistered version is only kept").isZero();
        assertThat(s.step.remembered()).hasSize(1);
    }

    @Test
    void onlyAChangedVerdictIsEmittedAndItNamesThePreviousDecision() {
        GateScenario s = new GateScenario().given(release("r1", SVC, "1.0.0", ReleaseType.BUGFIX, START));
        StageDecision hold = s.lastEmitted();
        assertThat(hold.decision().outcome()).isEqualTo(Outcome.HOLD);
        assertThat(hold.previousDecisionId()).isNull();

        s.when(signOff("p1", "1.0.0"));
        assertThat(s.outcomes()).containsExactly(Outcome.GO);
        assertThat(s.step.decisions().get(0).previousDecisionId()).isEqualTo(hold.decision().decisionId());

        s.when(signOff("p2", "1.0.0"));
        assertThat(s.step.evaluations()).isEqualTo(1);
        assertThat(s.step.decisions()).as("more evidence, same statuses: not a new decision").isEmpty();
    }

    @Test
    void aReleaseWakesUpWhenTheEngineSaidItsResultCanChange() {
        GateScenario s = new GateScenario().given(release("r1", SVC, "1.0.0", ReleaseType.BUGFIX, START),
                signOff("p1", "1.0.0"),
                fired("a1", SVC, "fp", AlertSeverity.PAGE, START.minus(Duration.ofHours(2))),
                resolved("a2", SVC, "fp", AlertSeverity.PAGE, START.minus(Duration.ofHours(2)),
                        START.minus(Duration.ofHours(1))));
        StageDecision noGo = s.lastEmitted();
        assertThat(noGo.decision().outcome()).isEqualTo(Outcome.NO_GO);
        // Resolved at START-1h, the page was firing inside the 48h window until START+47h.
        Instant windowEnds = START.plus(Duration.ofHours(47));
        assertThat(s.state.wakeUp("1.0.0")).contains(windowEnds);

        s.after(Duration.ofHours(47).minusSeconds(1));
        assertThat(s.step.evaluations()).as("nothing is due before nextChangeAt").isZero();

        s.after(Duration.ofSeconds(1));
        assertThat(s.outcomes()).containsExactly(Outcome.GO);
        assertThat(s.lastEmitted().previousDecisionId()).isEqualTo(noGo.decision().decisionId());
        assertThat(s.lastEmitted().decision().evaluatedAt()).isEqualTo(windowEnds);
        assertThat(s.state.wakeUp("1.0.0")).as("nothing can change by itself any more").isEmpty();
    }

    @Test
    void oldSamplesAndOldResolvedAlertsAreForgottenButTheLatestSampleAndFiringAlertsStay() {
        // Horizon: the catalogue's longest window (48 h) plus the one-day margin.
        Instant old = START.minus(Duration.ofHours(73));
        SpecificRecord oldSample = metric("m1", "metric-a", null, "latency_ms", 100, old);
        SpecificRecord latestOld = metric("m2", "metric-a", null, "error_rate", 0.01, old);
        SpecificRecord oldFiring = fired("a1", "metric-a", "fp", AlertSeverity.PAGE, old);
        SpecificRecord oldResolution = resolved("a2", "metric-a", "fp", AlertSeverity.PAGE, old,
                old.plusSeconds(60));
        SpecificRecord stillFiring = fired("a3", "metric-a", "fp2", AlertSeverity.PAGE, old);
        GateScenario s = new GateScenario().given(oldSample, latestOld, oldFiring, oldResolution, stillFiring,
                metric("m3", "metric-a", null, "latency_ms", 120, START));

        s.when(release("r1", "metric-a", "1.0.0", ReleaseType.BUGFIX, START));

        assertThat(s.step.forgotten()).containsExactlyInAnyOrder(oldSample, oldFiring, oldResolution);
        assertThat(s.state.evidence()).contains(latestOld, stillFiring).doesNotContain(oldSample);
    }

    @Test
    void aTargetWithoutAReleaseInFlightStillForgetsItsOldSamples() {
        GateScenario s = new GateScenario(new Coalescing(Coalescing.DEFAULT_MAX_PENDING_SAMPLES));
        Instant old = START.minus(Duration.ofHours(100));
        int forgotten = 0;
        for (int i = 0; i < 5_000; i++) {
            s.when(metric("m" + i, "metric-idle", null, "error_rate", 0.01, old.plusSeconds(i)));
            forgotten += s.step.forgotten().size();
            assertThat(s.step.evaluations()).isZero();
        }

        assertThat(s.state.evidence().size()).isLessThanOrEqualTo(2 * GateEvaluation.PRUNE_FLOOR + 1);
        assertThat(forgotten).isEqualTo(5_000 - s.state.evidence().size());
    }

    @Test
    void aDuplicateChangesNothingAndIsNotEvaluated() {
        GateScenario s = new GateScenario().given(release("r1", SVC, "1.0.0", ReleaseType.BUGFIX, START),
                signOff("p1", "1.0.0"));

        s.when(signOff("p1", "1.0.0"));

        assertThat(s.step).isEqualTo(GateStep.nothing());
    }

    @Test
    void theFirstRegistrationOfAVersionWins() {
        ReleaseRegistered first = release("r1", SVC, "1.0.0", ReleaseType.BUGFIX, START);
        GateScenario s = new GateScenario().given(first);

        s.when(release("r2", SVC, "1.0.0", ReleaseType.CONFIG, START));

        assertThat(s.step).isEqualTo(GateStep.nothing());
        assertThat(s.state.release("1.0.0")).contains(first);
    }
}
