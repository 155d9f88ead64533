package dev.greenlight.policy.engine;

import static dev.greenlight.policy.engine.Given.AUTHOR;
import static dev.greenlight.policy.engine.Given.STAGE;
import static dev.greenlight.policy.engine.Given.T;
import static dev.greenlight.policy.engine.Given.check;
import static dev.greenlight.policy.engine.Given.evidence;
import static dev.greenlight.policy.engine.Given.hoursAgo;
import static dev.greenlight.policy.engine.Given.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.policy.evidence.CheckStatus;
import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.evidence.Waiver;
import dev.greenlight.policy.model.CriterionCommon;
import dev.greenlight.policy.model.Defaults;
import dev.greenlight.policy.model.DependencyCriterion;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WaiverTest {

    private static final DependencyCriterion ISSUE_80 = new DependencyCriterion(
            new CriterionCommon("readiness-dependency", true, Set.of("release-captain"), Set.of()), "#80");

    private static Decision evaluate(Evidence evidence) {
        return new PolicyEngine().evaluate(policy(ISSUE_80), STAGE, evidence, T);
    }

    private static Waiver waiver(String by, String role, java.time.Instant expiresAt) {
        return new Waiver("w1", "readiness-dependency", by, role, "tracked on #150", hoursAgo(1), expiresAt);
    }

    @Test
    void givenWaiverByAnAliasOfTheAuthor_thenItDoesNotCount() {
        var release = new dev.greenlight.policy.evidence.Release("rel-1", "rl-policy", "1.4.0",
                dev.greenlight.policy.model.ReleaseType.MODEL, Given.REV, AUTHOR, Set.of("alice@example.com"));
        Decision decision = evaluate(Evidence.of(release)
                .withWaivers(List.of(waiver("Alice@Example.com", "release-captain", null))));

        assertThat(decision.criteria().get(0).status()).isNotEqualTo(CriterionStatus.WAIVED);
    }

    @Test
    void givenValidWaiver_thenWaivedAndGo_reasonCitingRationaleAndApprover() {
        var expires = T.plus(Duration.ofDays(2));
        Decision decision = evaluate(evidence().withWaivers(List.of(waiver("rick", "release-captain", expires))));

        CriterionResult result = decision.criteria().get(0);
        assertThat(decision.outcome()).isEqualTo(Outcome.GO);
        assertThat(result.status()).isEqualTo(CriterionStatus.WAIVED);
        assertThat(result.reason()).contains("rick", "release-captain", "tracked on #150");
        assertThat(result.evidenceIds()).contains("w1");
        assertThat(result.nextChangeAt()).isEqualTo(expires);
    }

    @Test
    void givenExpiredWaiver_thenHold() {
        Decision decision = evaluate(evidence().withWaivers(List.of(waiver("rick", "release-captain", T))));

        assertThat(decision.outcome()).isEqualTo(Outcome.HOLD);
    }

    @Test
    void givenRevokedWaiver_thenHoldAgain() {
        var revoked = new Waiver("w1-revoked", "readiness-dependency", "rick", "release-captain", "tracked on #150",
                hoursAgo(1), T.plus(Duration.ofDays(2)), true);

        Decision decision = evaluate(evidence().withWaivers(List.of(revoked)));

        assertThat(decision.outcome()).isEqualTo(Outcome.HOLD);
        assertThat(decision.criteria().get(0).status()).isEqualTo(CriterionStatus.PENDING);
    }

    @Test
    void givenWaiverExpiringLater_thenGoUntilExactlyItsExpiry() {
        var expires = T.plus(Duration.ofHours(3));
        Evidence waived = evidence().withWaivers(List.of(waiver("rick", "release-captain", expires)));

        assertThat(new PolicyEngine().evaluate(policy(ISSUE_80), STAGE, waived, expires.minusMillis(1)).outcome())
                .isEqualTo(Outcome.GO);
        assertThat(new PolicyEngine().evaluate(policy(ISSUE_80), STAGE, waived, expires).outcome())
                .isEqualTo(Outcome.HOLD);
    }

    @Test
    void givenWaiverInARoleNotAllowedToWaive_thenIgnored() {
        Decision decision = evaluate(evidence().withWaivers(List.of(waiver("rick", "intern", null))));

        assertThat(decision.criteria().get(0).status()).isEqualTo(CriterionStatus.PENDING);
    }

    @Test
    void givenWaiverByTheAuthor_thenIgnored() {
        Decision decision = evaluate(evidence().withWaivers(List.of(waiver(AUTHOR, "release-captain", null))));

        assertThat(decision.criteria().get(0).status()).isEqualTo(CriterionStatus.PENDING);
    }

    @Test
    void givenCriterionWithoutWaivableBy_thenPolicyDefaultRolesApply() {
        var criterion = new DependencyCriterion(CriterionCommon.named("readiness-dependency"), "#80");
        var defaults = new Defaults(false, Set.of("founder"), ZoneId.of("UTC"));
        var e = evidence().withWaivers(List.of(waiver("fred", "founder", null)));

        Decision decision = new PolicyEngine().evaluate(policy(defaults, criterion), STAGE, e, T);

        assertThat(decision.criteria().get(0).status()).isEqualTo(CriterionStatus.WAIVED);
    }

    @Test
    void givenPassingCriterion_thenWaiverIsNotUsed() {
        var e = evidence().withChecks(List.of(check("d1", "dependency:#80", CheckStatus.PASS, hoursAgo(2))))
                .withWaivers(List.of(waiver("rick", "release-captain", null)));

        CriterionResult result = evaluate(e).criteria().get(0);

        assertThat(result.status()).isEqualTo(CriterionStatus.PASS);
        assertThat(result.evidenceIds()).containsExactly("d1");
    }
}
