package dev.greenlight.policy.engine;

import static dev.greenlight.policy.engine.Given.T;
import static dev.greenlight.policy.engine.Given.check;
import static dev.greenlight.policy.engine.Given.common;
import static dev.greenlight.policy.engine.Given.evidence;
import static dev.greenlight.policy.engine.Given.hoursAgo;
import static dev.greenlight.policy.engine.Given.result;
import static dev.greenlight.policy.evidence.CheckStatus.ERROR;
import static dev.greenlight.policy.evidence.CheckStatus.FAIL;
import static dev.greenlight.policy.evidence.CheckStatus.PASS;
import static dev.greenlight.policy.evidence.CheckStatus.WARN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.policy.evidence.CheckResult;
import dev.greenlight.policy.model.CheckCriterion;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckCriterionTest {

    private static final CheckCriterion SCAN = new CheckCriterion(common("security-scan"), "security-scan",
            null, 1, null, null, 0);
    /** The RL playbook: two consecutive 48h PASS runs, latest < 24h old, no failure within 72h. */
    private static final CheckCriterion VALIDATION = new CheckCriterion(common("validation-48h"), "validation-48h",
            Duration.ofHours(24), 2, Duration.ofHours(48), Duration.ofHours(72), 0);

    @Test
    void givenNoRunForTheCheck_thenPendingAndNothingCited() {
        CriterionResult result = result(evidence(), T, SCAN);

        assertThat(result.status()).isEqualTo(CriterionStatus.PENDING);
        assertThat(result.reason()).contains("no run of security-scan");
        assertThat(result.evidenceIds()).isEmpty();
    }

    @Test
    void givenLatestRunPassed_thenPassCitingTheRuns() {
        var e = evidence().withChecks(List.of(check("c1", "security-scan", FAIL, hoursAgo(5)),
                check("c2", "security-scan", PASS, hoursAgo(2))));

        CriterionResult result = result(e, T, SCAN);

        assertThat(result.status()).isEqualTo(CriterionStatus.PASS);
        assertThat(result.evidenceIds()).containsExactly("c1", "c2");
    }

    @Test
    void givenLatestRunFailedOrErrored_thenFail() {
        var failed = evidence().withChecks(List.of(check("c1", "security-scan", PASS, hoursAgo(5)),
                check("c2", "security-scan", FAIL, hoursAgo(2))));
        var errored = evidence().withChecks(List.of(check("c1", "security-scan", ERROR, hoursAgo(2))));

        assertThat(result(failed, T, SCAN).status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(result(errored, T, SCAN).status()).isEqualTo(CriterionStatus.FAIL);
    }

    @Test
    void givenLatestRunWarned_thenWarn() {
        var e = evidence().withChecks(List.of(check("c1", "security-scan", WARN, hoursAgo(1))));

        assertThat(result(e, T, SCAN).status()).isEqualTo(CriterionStatus.WARN);
    }

    @Test
    void givenPassOnlyForAnotherRevision_thenPending() {
        var other = new CheckResult("c1", "security-scan", PASS, "other-revision", hoursAgo(2), hoursAgo(1));

        assertThat(result(evidence().withChecks(List.of(other)), T, SCAN).status()).isEqualTo(CriterionStatus.PENDING);
    }

    @Test
    void givenRunCompletedAfterEvaluationTime_thenItDoesNotExistYet() {
        var e = evidence().withChecks(List.of(check("c1", "security-scan", PASS, T.plusSeconds(1))));

        assertThat(result(e, T, SCAN).status()).isEqualTo(CriterionStatus.PENDING);
    }

    @Test
    void givenTwoConsecutive48hPasses_latestFresh_thenPassUntilLatestIs24hOld() {
        var e = evidence().withChecks(List.of(
                check("v1", "validation-48h", PASS, hoursAgo(110), hoursAgo(60)),
                check("v2", "validation-48h", PASS, hoursAgo(58), hoursAgo(10))));

        CriterionResult result = result(e, T, VALIDATION);

        assertThat(result.status()).isEqualTo(CriterionStatus.PASS);
        assertThat(result.nextChangeAt()).isEqualTo(hoursAgo(10).plus(Duration.ofHours(24)));
    }

    @Test
    void givenRunExactlyMinRunWindowLong_thenItQualifies_butOneSecondShorterDoesNot() {
        var exactly = evidence().withChecks(List.of(
                check("v1", "validation-48h", PASS, hoursAgo(110), hoursAgo(62)),
                check("v2", "validation-48h", PASS, hoursAgo(58), hoursAgo(10))));
        var tooShort = evidence().withChecks(List.of(
                check("v1", "validation-48h", PASS, hoursAgo(110), hoursAgo(62).minusSeconds(1)),
                check("v2", "validation-48h", PASS, hoursAgo(58), hoursAgo(10))));

        assertThat(result(exactly, T, VALIDATION).status()).isEqualTo(CriterionStatus.PASS);
        CriterionResult pending = result(tooShort, T, VALIDATION);
        assertThat(pending.status()).isEqualTo(CriterionStatus.PENDING);
        assertThat(pending.reason()).contains("1 of 2 consecutive qualifying PASS runs");
    }

    @Test
    void givenLatestPassExactlyMaxAgeOld_thenPending_becauseWindowEdgesAreExclusive() {
        var e = evidence().withChecks(List.of(
                check("v1", "validation-48h", PASS, hoursAgo(120), hoursAgo(72)),
                check("v2", "validation-48h", PASS, hoursAgo(72), hoursAgo(24))));

        CriterionResult result = result(e, T, VALIDATION);

        assertThat(result.status()).isEqualTo(CriterionStatus.PENDING);
        assertThat(result.reason()).contains("24h old, must be < 24h");
        assertThat(result(e, T.minusSeconds(1), VALIDATION).status()).isEqualTo(CriterionStatus.PASS);
    }

    @Test
    void givenFailureWithin72h_thenFailUntilItLeavesTheWindow() {
        var failedAt = hoursAgo(71);
        var e = evidence().withChecks(List.of(
                check("v0", "validation-48h", FAIL, hoursAgo(120), failedAt),
                check("v1", "validation-48h", PASS, hoursAgo(110), hoursAgo(60)),
                check("v2", "validation-48h", PASS, hoursAgo(58), hoursAgo(10))));

        CriterionResult result = result(e, T, VALIDATION);

        assertThat(result.status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(result.nextChangeAt()).isEqualTo(failedAt.plus(Duration.ofHours(72)));
        assertThat(result(e, failedAt.plus(Duration.ofHours(72)), VALIDATION).status())
                .as("a failure exactly 72h old has left the window").isNotEqualTo(CriterionStatus.FAIL);
    }

    @Test
    void givenFewerPassesThanMinCount_thenPending() {
        var criterion = new CheckCriterion(common("paper"), "paper", null, 1, null, null, 3);
        var e = evidence().withChecks(List.of(check("p1", "paper", PASS, hoursAgo(3)),
                check("p2", "paper", PASS, hoursAgo(2))));

        assertThat(result(e, T, criterion).status()).isEqualTo(CriterionStatus.PENDING);
        assertThat(result(e.withChecks(List.of(check("p3", "paper", PASS, hoursAgo(1)))), T, criterion).status())
                .isEqualTo(CriterionStatus.PASS);
    }

    /** Two consecutive 48h passes, nothing else: isolates the sequence rule from noFailWithin. */
    private static final CheckCriterion TWO_48H_PASSES = new CheckCriterion(common("validation-48h"),
            "validation-48h", null, 2, Duration.ofHours(48), null, 0);

    @Test
    void givenShortFailedRunBetweenTwoQualifyingPasses_thenTheSequenceIsBroken() {
        // The failed run lasted one minute, far below the 48h run window: it still breaks the
        // sequence, because "consecutive" is about outcomes, and the run window only says which
        // passes count.
        var e = evidence().withChecks(List.of(
                check("v1", "validation-48h", PASS, hoursAgo(150), hoursAgo(100)),
                check("v2", "validation-48h", FAIL, hoursAgo(99), hoursAgo(99).plusSeconds(60)),
                check("v3", "validation-48h", PASS, hoursAgo(60), hoursAgo(10))));

        CriterionResult result = result(e, T, TWO_48H_PASSES);

        assertThat(result.status()).isEqualTo(CriterionStatus.PENDING);
        assertThat(result.reason()).contains("1 of 2 consecutive qualifying PASS runs");
    }

    @Test
    void givenShortErroredOrWarnedRunBetweenPasses_thenTheSequenceIsBrokenToo() {
        for (var status : List.of(ERROR, WARN)) {
            var e = evidence().withChecks(List.of(
                    check("v1", "validation-48h", PASS, hoursAgo(150), hoursAgo(100)),
                    check("v2", "validation-48h", status, hoursAgo(99), hoursAgo(99).plusSeconds(1)),
                    check("v3", "validation-48h", PASS, hoursAgo(60), hoursAgo(10))));

            assertThat(result(e, T, TWO_48H_PASSES).status()).as(status.name()).isEqualTo(CriterionStatus.PENDING);
        }
    }

    @Test
    void givenShortPassBetweenTwoQualifyingPasses_thenItNeitherCountsNorBreaks() {
        var e = evidence().withChecks(List.of(
                check("v1", "validation-48h", PASS, hoursAgo(150), hoursAgo(100)),
                check("v2", "validation-48h", PASS, hoursAgo(99), hoursAgo(98)),
                check("v3", "validation-48h", PASS, hoursAgo(60), hoursAgo(10))));
        var onlyOneQualifies = evidence().withChecks(List.of(
                check("v2", "validation-48h", PASS, hoursAgo(99), hoursAgo(98)),
                check("v3", "validation-48h", PASS, hoursAgo(60), hoursAgo(10))));

        assertThat(result(e, T, TWO_48H_PASSES).status()).isEqualTo(CriterionStatus.PASS);
        assertThat(result(onlyOneQualifies, T, TWO_48H_PASSES).status()).isEqualTo(CriterionStatus.PENDING);
    }

    @Test
    void givenFailureBeforeTheLastTwoPasses_thenTheSequenceAfterItCounts() {
        var e = evidence().withChecks(List.of(
                check("v0", "validation-48h", FAIL, hoursAgo(200), hoursAgo(199)),
                check("v1", "validation-48h", PASS, hoursAgo(150), hoursAgo(100)),
                check("v2", "validation-48h", PASS, hoursAgo(60), hoursAgo(10))));

        assertThat(result(e, T, TWO_48H_PASSES).status()).isEqualTo(CriterionStatus.PASS);
    }

    @Test
    void givenLongFailedRunThatStartedBeforeTheNoFailWindowAndEndedInside_thenFail() {
        // A run is failed when it completes: one that completed inside the window overlaps it,
        // however long before the window it started.
        var e = evidence().withChecks(List.of(
                check("v0", "validation-48h", FAIL, hoursAgo(200), hoursAgo(71)),
                check("v1", "validation-48h", PASS, hoursAgo(70), hoursAgo(20)),
                check("v2", "validation-48h", PASS, hoursAgo(19).minus(Duration.ofHours(50)), hoursAgo(1))));

        assertThat(result(e, T, VALIDATION).status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(result(e, hoursAgo(71).plus(Duration.ofHours(72)), VALIDATION).status())
                .isNotEqualTo(CriterionStatus.FAIL);
    }
}
