package dev.greenlight.policy.engine;

import static dev.greenlight.policy.engine.Given.AUTHOR;
import static dev.greenlight.policy.engine.Given.REV;
import static dev.greenlight.policy.engine.Given.T;
import static dev.greenlight.policy.engine.Given.approve;
import static dev.greenlight.policy.engine.Given.common;
import static dev.greenlight.policy.engine.Given.evidence;
import static dev.greenlight.policy.engine.Given.hoursAgo;
import static dev.greenlight.policy.engine.Given.reject;
import static dev.greenlight.policy.engine.Given.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.policy.evidence.Approval;
import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.evidence.Release;
import dev.greenlight.policy.evidence.Verdict;
import dev.greenlight.policy.model.ApprovalCriterion;
import dev.greenlight.policy.model.ReleaseType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalCriterionTest {

    private static final ApprovalCriterion AUDITOR_RISK = new ApprovalCriterion(common("sign-off"),
            List.of("auditor", "risk"), List.of(), 2, null);
    /** The trading runbook's expedited review: founder + 1 other. */
    private static final ApprovalCriterion FOUNDER_PLUS_ONE = new ApprovalCriterion(common("expedited"),
            List.of("founder"), List.of("founder", "risk", "code-review"), 2, null);
    private static final ApprovalCriterion AUDIT_30D = new ApprovalCriterion(common("audit"),
            List.of("auditor"), List.of(), 1, Duration.ofDays(30));

    @Test
    void givenEveryRoleApprovedByDistinctPeople_thenPass() {
        var e = evidence().withApprovals(List.of(approve("a1", "auditor", "bob", hoursAgo(2)),
                approve("a2", "risk", "carol", hoursAgo(1))));

        CriterionResult result = result(e, T, AUDITOR_RISK);

        assertThat(result.status()).isEqualTo(CriterionStatus.PASS);
        assertThat(result.evidenceIds()).containsExactly("a1", "a2");
    }

    @Test
    void givenOneRoleMissing_thenPendingNamingIt() {
        var e = evidence().withApprovals(List.of(approve("a1", "auditor", "bob", hoursAgo(2))));

        CriterionResult result = result(e, T, AUDITOR_RISK);

        assertThat(result.status()).isEqualTo(CriterionStatus.PENDING);
        assertThat(result.reason()).contains("missing approval: risk");
    }

    @Test
    void givenSamePersonInTwoRoles_thenOnlyOneSeatIsFilled() {
        var e = evidence().withApprovals(List.of(approve("a1", "auditor", "bob", hoursAgo(2)),
                approve("a2", "risk", "bob", hoursAgo(1))));

        assertThat(result(e, T, AUDITOR_RISK).status()).isEqualTo(CriterionStatus.PENDING);
    }

    @Test
    void givenApprovalByTheAuthor_thenItDoesNotCount() {
        var e = evidence().withApprovals(List.of(approve("a1", "auditor", "bob", hoursAgo(2)),
                approve("a2", "risk", AUTHOR, hoursAgo(1))));

        CriterionResult result = result(e, T, AUDITOR_RISK);

        assertThat(result.status()).isEqualTo(CriterionStatus.PENDING);
        assertThat(result.reason()).contains("1 by the release author");
    }

    @Test
    void givenApprovalByTheAuthorUnderAnotherSpellingOrAlias_thenItDoesNotCount() {
        var release = new Release("rel-1", "rl-policy", "1.4.0", ReleaseType.MODEL, REV, "bob",
                Set.of("bob@example.com", "bob-gh"));
        for (String approver : List.of("bob ", "Bob", "b\u200Bob", "\uFF42\uFF4F\uFF42", "bob@example.com",
                "BOB-GH")) {
            var e = Evidence.of(release).withApprovals(List.of(approve("a1", "auditor", approver, hoursAgo(2)),
                    approve("a2", "risk", "carol", hoursAgo(1))));

            CriterionResult result = result(e, T, AUDITOR_RISK);

            assertThat(result.status()).as(approver).isEqualTo(CriterionStatus.PENDING);
            assertThat(result.reason()).as(approver).contains("1 by the release author");
        }
    }

    @Test
    void givenApprovalForAnotherRevision_thenInvalidated_butRevisionlessApprovalCounts() {
        var stale = new Approval("a1", "auditor", "bob", Verdict.APPROVE, "old-revision", hoursAgo(2), null, false);
        var anyRevision = new Approval("a1", "auditor", "bob", Verdict.APPROVE, null, hoursAgo(2), null, false);

        assertThat(result(evidence().withApprovals(List.of(stale)), T, AUDIT_30D).status())
                .isEqualTo(CriterionStatus.PENDING);
        assertThat(result(evidence().withApprovals(List.of(anyRevision)), T, AUDIT_30D).status())
                .isEqualTo(CriterionStatus.PASS);
    }

    @Test
    void givenRevokedApproval_thenItDoesNotCount() {
        var revoked = new Approval("a1", "auditor", "bob", Verdict.APPROVE, REV, hoursAgo(2), null, true);

        assertThat(result(evidence().withApprovals(List.of(revoked)), T, AUDIT_30D).status())
                .isEqualTo(CriterionStatus.PENDING);
    }

    @Test
    void givenApprovalExpiringLater_thenPassUntilExpiry_andExpiredExactlyAtExpiresAt() {
        var expiresAt = T.plus(Duration.ofHours(5));
        var e = evidence().withApprovals(List.of(
                new Approval("a1", "auditor", "bob", Verdict.APPROVE, REV, hoursAgo(2), expiresAt, false)));

        CriterionResult now = result(e, T, AUDIT_30D);
        assertThat(now.status()).isEqualTo(CriterionStatus.PASS);
        assertThat(now.nextChangeAt()).isEqualTo(expiresAt);
        assertThat(result(e, expiresAt, AUDIT_30D).status()).isEqualTo(CriterionStatus.PENDING);
    }

    @Test
    void givenAuditOlderThan30Days_thenNoLongerCounts() {
        var given = T.minus(Duration.ofDays(30));
        var e = evidence().withApprovals(List.of(approve("a1", "auditor", "bob", given)));

        assertThat(result(e, T, AUDIT_30D).status()).isEqualTo(CriterionStatus.PENDING);
        CriterionResult dayBefore = result(e, T.minus(Duration.ofDays(1)), AUDIT_30D);
        assertThat(dayBefore.status()).isEqualTo(CriterionStatus.PASS);
        assertThat(dayBefore.nextChangeAt()).isEqualTo(T);
    }

    @Test
    void givenRejectionByARole_thenFailNamingWhoAndWhen_untilTheRejecterApprovesLater() {
        var rejected = evidence().withApprovals(List.of(approve("a1", "auditor", "bob", hoursAgo(3)),
                reject("r1", "risk", "carol", hoursAgo(2))));

        CriterionResult result = result(rejected, T, AUDITOR_RISK);
        assertThat(result.status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(result.reason()).contains("carol (risk) rejected at " + hoursAgo(2));
        assertThat(result.evidenceIds()).containsExactly("r1");

        var reconsidered = rejected.withApprovals(List.of(approve("a2", "risk", "carol", hoursAgo(1))));
        assertThat(result(reconsidered, T, AUDITOR_RISK).status()).isEqualTo(CriterionStatus.PASS);
    }

    @Test
    void givenTheAuthorsOwnRejection_thenFail_evenWithEveryRoleApproved() {
        var e = evidence().withApprovals(List.of(approve("a1", "auditor", "bob", hoursAgo(3)),
                approve("a2", "risk", "carol", hoursAgo(2)), reject("r1", "risk", AUTHOR, hoursAgo(1))));

        CriterionResult result = result(e, T, AUDITOR_RISK);

        assertThat(result.status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(result.reason()).contains(AUTHOR + " (risk) rejected");
    }

    @Test
    void givenTheAuthorsRejection_thenTheirOwnLaterApprovalDoesNotLiftIt() {
        var e = evidence().withApprovals(List.of(approve("a1", "auditor", "bob", hoursAgo(3)),
                approve("a2", "risk", "carol", hoursAgo(3)), reject("r1", "risk", AUTHOR, hoursAgo(2)),
                approve("a3", "risk", AUTHOR, hoursAgo(1))));

        assertThat(result(e, T, AUDITOR_RISK).status()).isEqualTo(CriterionStatus.FAIL);
    }

    @Test
    void givenAColleaguesRejection_thenSomebodyElsesLaterApprovalDoesNotLiftIt() {
        var e = evidence().withApprovals(List.of(approve("a1", "auditor", "bob", hoursAgo(3)),
                reject("r1", "risk", "carol", hoursAgo(2)), approve("a2", "risk", "rita", hoursAgo(1))));

        CriterionResult result = result(e, T, AUDITOR_RISK);

        assertThat(result.status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(result.reason()).contains("carol (risk) rejected");
    }

    @Test
    void givenRevokedRejection_thenItNoLongerBlocks() {
        var revoked = new Approval("r1-revoked", "risk", "carol", Verdict.REJECT, REV, hoursAgo(2), null, true);
        var e = evidence().withApprovals(List.of(approve("a1", "auditor", "bob", hoursAgo(3)), revoked,
                approve("a2", "risk", "rita", hoursAgo(1))));

        assertThat(result(e, T, AUDITOR_RISK).status()).isEqualTo(CriterionStatus.PASS);
    }

    @Test
    void givenARejectionOlderThanMaxAge_thenItStillBlocks() {
        var e = evidence().withApprovals(List.of(reject("r1", "auditor", "bob", T.minus(Duration.ofDays(40))),
                approve("a1", "auditor", "abe", hoursAgo(1))));

        assertThat(result(e, T, AUDIT_30D).status()).isEqualTo(CriterionStatus.FAIL);
    }

    @Test
    void givenARejectionWithAnExpiry_thenFailUntilThen_andNextChangeAtIsTheExpiry() {
        var expiresAt = T.plus(Duration.ofHours(4));
        var e = evidence().withApprovals(List.of(approve("a1", "auditor", "abe", hoursAgo(3)),
                new Approval("r1", "auditor", "bob", Verdict.REJECT, REV, hoursAgo(2), expiresAt, false)));

        CriterionResult now = result(e, T, AUDIT_30D);
        assertThat(now.status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(now.nextChangeAt()).isEqualTo(expiresAt);
        assertThat(result(e, expiresAt, AUDIT_30D).status()).isEqualTo(CriterionStatus.PASS);
    }

    @Test
    void givenFounderAndOneOther_thenQuorumMet() {
        var e = evidence().withApprovals(List.of(approve("a1", "founder", "fred", hoursAgo(2)),
                approve("a2", "code-review", "dave", hoursAgo(1))));

        assertThat(result(e, T, FOUNDER_PLUS_ONE).status()).isEqualTo(CriterionStatus.PASS);
    }

    @Test
    void givenOnlyTheFounder_evenInTwoRoles_thenQuorumNotMet() {
        var e = evidence().withApprovals(List.of(approve("a1", "founder", "fred", hoursAgo(2)),
                approve("a2", "risk", "fred", hoursAgo(1))));

        CriterionResult result = result(e, T, FOUNDER_PLUS_ONE);

        assertThat(result.status()).isEqualTo(CriterionStatus.PENDING);
        assertThat(result.reason()).contains("1 more of founder/risk/code-review");
    }

    @Test
    void givenTwoOthersButNoFounder_thenRequiredRoleMissing() {
        var e = evidence().withApprovals(List.of(approve("a1", "risk", "rita", hoursAgo(2)),
                approve("a2", "code-review", "dave", hoursAgo(1))));

        CriterionResult result = result(e, T, FOUNDER_PLUS_ONE);

        assertThat(result.status()).isEqualTo(CriterionStatus.PENDING);
        assertThat(result.reason()).contains("missing approval: founder");
    }
}
