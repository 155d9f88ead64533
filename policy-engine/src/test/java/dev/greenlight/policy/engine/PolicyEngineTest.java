package dev.greenlight.policy.engine;

import static dev.greenlight.policy.engine.Given.STAGE;
import static dev.greenlight.policy.engine.Given.T;
import static dev.greenlight.policy.engine.Given.alert;
import static dev.greenlight.policy.engine.Given.approve;
import static dev.greenlight.policy.engine.Given.check;
import static dev.greenlight.policy.engine.Given.common;
import static dev.greenlight.policy.engine.Given.evidence;
import static dev.greenlight.policy.engine.Given.hoursAgo;
import static dev.greenlight.policy.engine.Given.policy;
import static dev.greenlight.policy.engine.Given.release;
import static dev.greenlight.policy.engine.Given.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.policy.evidence.Alert;
import dev.greenlight.policy.evidence.Approval;
import dev.greenlight.policy.evidence.CheckResult;
import dev.greenlight.policy.evidence.CheckStatus;
import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.evidence.MetricSample;
import dev.greenlight.policy.model.AlertsCriterion;
import dev.greenlight.policy.model.Aggregate;
import dev.greenlight.policy.model.ApprovalCriterion;
import dev.greenlight.policy.model.CheckCriterion;
import dev.greenlight.policy.model.Comparator;
import dev.greenlight.policy.model.CriterionCommon;
import dev.greenlight.policy.model.MetricCriterion;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.policy.model.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {

    private static final CheckCriterion SCAN = new CheckCriterion(common("security-scan"), "security-scan",
            Duration.ofHours(24), 1, null, null, 0);
    private static final ApprovalCriterion CAPTAIN = new ApprovalCriterion(common("captain"),
            List.of("release-captain"), List.of(), 1, null);
    private static final AlertsCriterion NO_PAGES = new AlertsCriterion(common("no-pages"), Severity.PAGE,
            Duration.ofHours(48), null, true);
    private static final MetricCriterion ENTROPY = new MetricCriterion(common("entropy"), "policy_entropy",
            Aggregate.LATEST, null, Comparator.GE, 0.9, null, null, 1);
    private static final Policy POLICY = policy(SCAN, CAPTAIN, NO_PAGES, ENTROPY);

    private static final List<CheckResult> CHECKS = List.of(check("c1", "security-scan", CheckStatus.PASS, hoursAgo(3)));
    private static final List<Approval> APPROVALS = List.of(approve("a1", "release-captain", "rick", hoursAgo(1)));
    private static final List<MetricSample> METRICS = List.of(sample("m1", "policy_entropy", 0.8, hoursAgo(9)),
            sample("m2", "policy_entropy", 0.95, hoursAgo(2)));
    private static final List<Alert> ALERTS = List.of(alert("al1", Severity.PAGE, hoursAgo(90), hoursAgo(89)));

    private static Decision evaluate(Evidence evidence) {
        return new PolicyEngine().evaluate(POLICY, STAGE, evidence, T);
    }

    private static Evidence complete() {
        return evidence().withChecks(CHECKS).withApprovals(APPROVALS).withMetrics(METRICS).withAlerts(ALERTS);
    }

    @Test
    void givenEveryCriterionMet_thenGo_withResultsInPolicyOrderAndEveryEvidenceIdListed() {
        Decision decision = evaluate(complete());

        assertThat(decision.outcome()).isEqualTo(Outcome.GO);
        assertThat(decision.criteria()).extracting(CriterionResult::name)
                .containsExactly("security-scan", "captain", "no-pages", "entropy");
        assertThat(decision.missing()).isEmpty();
        assertThat(decision.evidenceIds()).containsExactly("a1", "al1", "c1", "m1", "m2", "rel-1");
        assertThat(decision.policy()).isEqualTo(new PolicyRef("test", "1", "hash"));
        assertThat(decision.evaluatedAt()).isEqualTo(T);
    }

    @Test
    void givenPendingCriteria_thenHoldListingExactlyWhatIsMissing() {
        Decision decision = evaluate(evidence().withChecks(CHECKS).withMetrics(METRICS));

        assertThat(decision.outcome()).isEqualTo(Outcome.HOLD);
        assertThat(decision.missing()).containsExactly("approval:captain");
    }

    @Test
    void givenAFailureAndAPending_thenNoGo() {
        Decision decision = evaluate(evidence().withChecks(CHECKS)
                .withMetrics(List.of(sample("m1", "policy_entropy", 0.5, hoursAgo(1)))));

        assertThat(decision.outcome()).isEqualTo(Outcome.NO_GO);
        assertThat(decision.criterion("entropy").status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(decision.missing()).containsExactly("approval:captain");
    }

    @Test
    void givenNonBlockingCriterionFails_thenStillGo() {
        var advisory = new MetricCriterion(new CriterionCommon("entropy", false, Set.of(), Set.of()),
                "policy_entropy", Aggregate.LATEST, null, Comparator.GE, 0.99, null, null, 1);
        Policy policy = policy(SCAN, advisory);

        Decision decision = new PolicyEngine().evaluate(policy, STAGE, evidence().withChecks(CHECKS).withMetrics(METRICS), T);

        assertThat(decision.criterion("entropy").status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(decision.outcome()).isEqualTo(Outcome.GO);
    }

    @Test
    void givenCriterionForOtherReleaseTypes_thenNotEvaluated() {
        var strategyOnly = new ApprovalCriterion(new CriterionCommon("audit", true, Set.of(),
                Set.of(ReleaseType.STRATEGY)), List.of("auditor"), List.of(), 1, null);
        Policy policy = policy(SCAN, strategyOnly);

        Decision model = new PolicyEngine().evaluate(policy, STAGE, evidence().withChecks(CHECKS), T);
        Decision strategy = new PolicyEngine().evaluate(policy, STAGE,
                Evidence.of(release(ReleaseType.STRATEGY)).withChecks(CHECKS), T);

        assertThat(model.criteria()).extracting(CriterionResult::name).containsExactly("security-scan");
        assertThat(model.outcome()).isEqualTo(Outcome.GO);
        assertThat(strategy.outcome()).isEqualTo(Outcome.HOLD);
    }

    @Test
    void givenSeveralTimedCriteria_thenNextChangeAtIsTheEarliest() {
        Decision decision = evaluate(complete());

        assertThat(decision.nextChangeAt()).isEqualTo(hoursAgo(3).plus(Duration.ofHours(24)));
    }

    @Test
    void givenUnknownStage_thenRejected() {
        assertThatThrownBy(() -> new PolicyEngine().evaluate(POLICY, "live-100", complete(), T))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("live-100");
    }

    @RepeatedTest(5)
    void givenSameEvidenceShuffledAndDuplicated_thenIdenticalDecisionAndId() {
        Random random = new Random();
        Evidence shuffled = evidence()
                .withChecks(shuffledWithDuplicates(CHECKS, random))
                .withApprovals(shuffledWithDuplicates(APPROVALS, random))
                .withMetrics(shuffledWithDuplicates(METRICS, random))
                .withAlerts(shuffledWithDuplicates(ALERTS, random));

        Decision ordered = evaluate(complete());
        Decision reordered = evaluate(shuffled);

        assertThat(reordered).isEqualTo(ordered);
        assertThat(reordered.decisionId()).isEqualTo(ordered.decisionId());
    }

    @Test
    void givenConflictingItemsWithOneId_thenTheSameOneIsKeptWhateverTheOrder() {
        Approval live = approve("a1", "release-captain", "rick", hoursAgo(1));
        Approval revoked = new Approval("a1", "release-captain", "rick", live.verdict(), live.revision(), live.at(),
                null, true);

        Evidence oneWay = complete().withApprovals(List.of(live, revoked));
        Evidence otherWay = evidence().withApprovals(List.of(revoked, live)).withChecks(CHECKS)
                .withMetrics(METRICS).withAlerts(ALERTS);

        assertThat(oneWay).isEqualTo(otherWay);
        assertThat(evaluate(oneWay)).isEqualTo(evaluate(otherWay));
    }

    @Test
    void decisionIdIsSha256OfTheDocumentedFields() {
        Decision decision = evaluate(complete());

        String expected = Sha256.hex("greenlight-decision/1\nhash\nrl-policy\n1.4.0\ngate\n"
                + T.toEpochMilli() + "\na1\nal1\nc1\nm1\nm2\nrel-1\n");
        assertThat(decision.decisionId()).isEqualTo(expected).hasSize(64);
    }

    @Test
    void givenNewEvidenceOrAnotherInstant_thenAnotherDecisionId() {
        Decision base = evaluate(complete());
        Decision more = evaluate(complete().withChecks(List.of(check("c2", "lint", CheckStatus.PASS, hoursAgo(1)))));
        Decision later = new PolicyEngine().evaluate(POLICY, STAGE, complete(), T.plusMillis(1));

        assertThat(more.decisionId()).isNotEqualTo(base.decisionId());
        assertThat(later.decisionId()).isNotEqualTo(base.decisionId());
    }

    private static <T> List<T> shuffledWithDuplicates(List<T> items, Random random) {
        List<T> copy = new ArrayList<>(items);
        copy.addAll(items);
        Collections.shuffle(copy, random);
        return copy;
    }
}
