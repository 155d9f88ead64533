package dev.greenlight.gate.decision.domain;

import static dev.greenlight.evidence.EvidenceEvents.approval;
import static dev.greenlight.evidence.EvidenceEvents.metric;
import static dev.greenlight.evidence.EvidenceEvents.release;
import static dev.greenlight.gate.decision.domain.GateScenario.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.GateDecided;
import dev.greenlight.events.PendingItem;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.policy.engine.CriterionStatus;
import dev.greenlight.policy.engine.Outcome;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The live view is current: a change of a criterion's observed value or of the missing list is
 * recorded even when no status changes — at once for approvals, checks and alerts, at the next
 * coalescing tick for metric samples — and nothing is recorded when nothing a reader sees changed.
 */
class LiveViewTest {

    private static final String OPS = "ops-api";
    private static final String METRIC = "metric-a";

    private static SpecificRecord signOff(String id, String role, String who) {
        return approval(id, OPS, "1.0.0", "ap-" + id, role, who, START, null);
    }

    @Test
    void givenTwoOfThreeSignOffs_thenTheRecordedDecisionIsStillHoldAndNamesOnlyTheThirdRole() {
        GateScenario s = new GateScenario().given(release("r1", OPS, "1.0.0", ReleaseType.BUGFIX, START));
        StageDecision first = s.lastEmitted();

        s.when(signOff("p1", "platform", "pat"));
        assertThat(s.step.decisions()).as("the first sign-off is recorded though the release stays on HOLD")
                .hasSize(1);
        s.when(signOff("p2", "security", "sam"));

        assertThat(s.step.decisions()).hasSize(1);
        GateDecided second = GateScenario.event(s.step.decisions().get(0));
        assertThat(second.getOutcome().name()).isEqualTo(Outcome.HOLD.name());
        assertThat(second.getCriteria().get(0).getObserved()).startsWith("2 of 3 approvers");
        assertThat(second.getCriteria().get(0).getReason()).contains("operations").doesNotContain("platform")
                .doesNotContain("security");
        assertThat(second.getPendingOn()).extracting(PendingItem::getRoles).containsExactly(List.of("operations"));
        assertThat(second.getMissing()).containsExactly("approval:release-approvals");
        assertThat(second.getDecisionMakers()).extracting(m -> m.getWho()).containsExactly("gate-evaluator", "pat", "sam");
        assertThat(s.emitted).extracting(StageDecision::previousDecisionId)
                .as("each record names the one before it, so the trail shows when each sign-off counted")
                .containsExactly(null, first.decision().decisionId(), s.emitted.get(1).decision().decisionId());
    }

    @Test
    void givenEvidenceThatChangesNothingAReaderSees_thenNothingIsRecorded() {
        GateScenario s = new GateScenario().given(release("r1", OPS, "1.0.0", ReleaseType.BUGFIX, START),
                signOff("p1", "platform", "pat"));

        s.when(signOff("p1-again", "platform", "pat"));

        assertThat(s.step.evaluations()).isEqualTo(1);
        assertThat(s.step.decisions()).as("the same person again: same status, observed value and missing list")
                .isEmpty();
    }

    @Test
    void givenSamplesThatOnlyMoveTheObservedValueWithinATick_thenTheTickRecordsOneDecision() {
        // Three samples may wait for the tick: ten samples force evaluations inside the tick, which
        // must not record a change of the observed value on their own.
        GateScenario s = new GateScenario(new Coalescing(3))
                .given(release("r1", METRIC, "1.0.0", ReleaseType.BUGFIX, START),
                        metric("e0", METRIC, null, "error_rate", 0.01, START),
                        metric("l0", METRIC, null, "latency_ms", 100, START));
        s.after(Duration.ofMillis(100));
        int before = s.emitted.size();
        assertThat(s.state.verdict("1.0.0", "canary")).get().extracting(LastVerdict::outcome).isEqualTo(Outcome.GO);

        s.now = s.now.plusMillis(10);
        for (int i = 1; i <= 10; i++) {
            s.when(metric("e" + i, METRIC, null, "error_rate", 0.01 + i / 1000.0, s.now.minusMillis(10 - i)));
            assertThat(s.step.decisions()).as("sample %d: a value that stays under the threshold waits for the tick", i)
                    .isEmpty();
        }
        s.after(Duration.ofMillis(90));

        assertThat(s.emitted.size() - before).isEqualTo(1);
        assertThat(s.lastEmitted().decision().criterion("error-rate").observed()).isEqualTo("0.02");
    }

    @Test
    void givenSamplesThatRepeatTheObservedValue_thenTheTickRecordsNothing() {
        GateScenario s = new GateScenario(new Coalescing(Coalescing.DEFAULT_MAX_PENDING_SAMPLES))
                .given(release("r1", METRIC, "1.0.0", ReleaseType.BUGFIX, START),
                        metric("e0", METRIC, null, "error_rate", 0.01, START),
                        metric("l0", METRIC, null, "latency_ms", 100, START));
        s.after(Duration.ofMillis(100));
        int before = s.emitted.size();

        for (int i = 1; i <= 5; i++) {
            s.when(metric("e" + i, METRIC, null, "error_rate", 0.01, s.now));
        }
        s.after(Duration.ofMillis(100));

        assertThat(s.step.evaluations()).as("the tick evaluated the release").isEqualTo(1);
        assertThat(s.emitted.size() - before).isZero();
    }

    @Test
    void theDigestIgnoresTheAgeOfACheckRunButNotItsCounts() {
        String threeHours = digest("2 of 2 PASS, latest PASS 3h ago", List.of());
        String fourHours = digest("2 of 2 PASS, latest PASS 4h ago", List.of());
        String threeRuns = digest("3 of 3 PASS, latest PASS 0m ago", List.of());
        String missing = digest("2 of 2 PASS, latest PASS 3h ago", List.of("check:c"));

        assertThat(threeHours).isEqualTo(fourHours).hasSize(32);
        assertThat(threeRuns).isNotEqualTo(threeHours);
        assertThat(missing).isNotEqualTo(threeHours);
    }

    private static String digest(String observed, List<String> missing) {
        return VerdictDigest.of(Outcome.GO, "h", List.of(new VerdictDigest.Item("c", CriterionStatus.PASS, observed)),
                missing);
    }
}
