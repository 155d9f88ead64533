package dev.greenlight.policy.engine;

import static dev.greenlight.policy.engine.Given.AUTHOR;
import static dev.greenlight.policy.engine.Given.STAGE;
import static dev.greenlight.policy.engine.Given.T;
import static dev.greenlight.policy.engine.Given.alert;
import static dev.greenlight.policy.engine.Given.approve;
import static dev.greenlight.policy.engine.Given.common;
import static dev.greenlight.policy.engine.Given.evidence;
import static dev.greenlight.policy.engine.Given.hoursAgo;
import static dev.greenlight.policy.engine.Given.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.evidence.Waiver;
import dev.greenlight.policy.model.AlertsCriterion;
import dev.greenlight.policy.model.ApprovalCriterion;
import dev.greenlight.policy.model.Criterion;
import dev.greenlight.policy.model.Defaults;
import dev.greenlight.policy.model.Severity;
import dev.greenlight.policy.parser.PolicyParser;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every NO-GO has a review date, every HOLD says what it waits for, every decision names who it rests on. */
class AccountabilityTest {

    private static final AlertsCriterion NO_PAGE_48H =
            new AlertsCriterion(common("no-page-alerts-48h"), Severity.PAGE, Duration.ofHours(48), null, true);
    /** The trading runbook's three sign-offs. */
    private static final ApprovalCriterion SIGN_OFF = new ApprovalCriterion(common("sign-off"),
            List.of("auditor", "risk", "founder"), List.of(), 3, null);

    private static Decision evaluate(Defaults defaults, Evidence evidence, Criterion... criteria) {
        return new PolicyEngine().evaluate(policy(defaults, criteria), STAGE, evidence, T);
    }

    @Test
    void givenANoGoWhoseAlertLeavesTheWindowIn3h_thenItIsReviewedAtThatInstant() {
        var e = evidence().withAlerts(List.of(alert("a1", Severity.PAGE, hoursAgo(50), hoursAgo(45))));

        Decision d = evaluate(Defaults.none(), e, NO_PAGE_48H);

        assertThat(d.outcome()).isEqualTo(Outcome.NO_GO);
        assertThat(d.accountability().nextReviewAt()).isEqualTo(T.plus(Duration.ofHours(3)));
        assertThat(d.accountability().nextReviewBasis()).contains("alerts:no-page-alerts-48h");
    }

    @Test
    void givenANoGoThatNoWindowCanLift_thenItIsReviewedAfterThePolicysReviewInterval() {
        var stillFiring = evidence().withAlerts(List.of(alert("a1", Severity.PAGE, hoursAgo(2), null)));
        var every12h = new Defaults(false, Set.of(), ZoneId.of("UTC"), Duration.ofHours(12));

        Decision custom = evaluate(every12h, stillFiring, NO_PAGE_48H);
        Decision byDefault = evaluate(Defaults.none(), stillFiring, NO_PAGE_48H);

        assertThat(custom.outcome()).isEqualTo(Outcome.NO_GO);
        assertThat(custom.accountability().nextReviewAt()).isEqualTo(T.plus(Duration.ofHours(12)));
        assertThat(custom.accountability().nextReviewBasis()).contains("reviewEvery 12h");
        assertThat(byDefault.accountability().nextReviewAt()).isEqualTo(T.plus(Duration.ofHours(24)));
    }

    @Test
    void givenTwoOfThreeSignOffs_thenTheHoldIsPendingOnTheThirdRoleAndRestsOnTheTwoApprovers() {
        var e = evidence().withApprovals(List.of(approve("ap-aud", "auditor", "bob", hoursAgo(2)),
                approve("ap-risk", "risk", "carol", hoursAgo(1)),
                approve("ap-own", "founder", AUTHOR, hoursAgo(1))));

        Decision d = evaluate(Defaults.none(), e, SIGN_OFF);

        assertThat(d.outcome()).isEqualTo(Outcome.HOLD);
        assertThat(d.accountability().pendingOn()).singleElement().satisfies(p -> {
            assertThat(p.criterion()).isEqualTo("sign-off");
            assertThat(p.roles()).containsExactly("founder");
            assertThat(p.waitingFor()).contains("founder");
        });
        assertThat(d.accountability().nextReviewAt()).isEqualTo(T.plus(Defaults.DEFAULT_REVIEW_EVERY));
        assertThat(d.accountability().decisionMakers()).extracting(DecisionMaker::who)
                .containsExactly(DecisionMaker.EVALUATOR, "bob", "carol");
        assertThat(d.accountability().decisionMakers().get(0).basis()).contains("policy test v1");
    }

    @Test
    void givenAGo_thenItHasNoReviewDateNothingPendingAndNamesTheApproversAndTheWaiverGrantor() {
        var e = evidence().withApprovals(List.of(approve("ap-aud", "auditor", "bob", hoursAgo(2)),
                        approve("ap-risk", "risk", "carol", hoursAgo(1)),
                        approve("ap-fnd", "founder", "dave", hoursAgo(1))))
                .withAlerts(List.of(alert("a1", Severity.PAGE, hoursAgo(3), null)))
                .withWaivers(List.of(new Waiver("wv", "no-page-alerts-48h", "dave", "founder", "known flake",
                        hoursAgo(1), T.plus(Duration.ofDays(1)))));
        var waivable = new Defaults(false, Set.of("founder"), ZoneId.of("UTC"));

        Decision d = evaluate(waivable, e, SIGN_OFF, NO_PAGE_48H);

        assertThat(d.outcome()).isEqualTo(Outcome.GO);
        assertThat(d.accountability().nextReviewAt()).isNull();
        assertThat(d.accountability().pendingOn()).isEmpty();
        assertThat(d.accountability().decisionMakers()).extracting(DecisionMaker::who, DecisionMaker::role)
                .containsExactly(tuple(DecisionMaker.EVALUATOR, DecisionMaker.AUTOMATIC),
                        tuple("bob", "auditor"),
                        tuple("dave", "founder"),
                        tuple("carol", "risk"),
                        tuple("dave", "founder"));
    }

    @Test
    void reviewEveryIsReadFromThePolicyDefaultsAndDefaultsTo24h() {
        String doc = """
                name: p
                version: "1"
                defaults: {reviewEvery: 6h}
                stages: [{name: s, criteria: [{name: c, kind: check}]}]
                """;
        assertThat(new PolicyParser().parse("p.yaml", doc).defaults().reviewEvery()).isEqualTo(Duration.ofHours(6));
        assertThat(new PolicyParser().parse("p.yaml", doc.replace("defaults: {reviewEvery: 6h}\n", ""))
                .defaults().reviewEvery()).isEqualTo(Duration.ofHours(24));
    }
}
