package dev.greenlight.policy.engine;

import static dev.greenlight.policy.engine.Given.T;
import static dev.greenlight.policy.engine.Given.alert;
import static dev.greenlight.policy.engine.Given.common;
import static dev.greenlight.policy.engine.Given.evidence;
import static dev.greenlight.policy.engine.Given.hoursAgo;
import static dev.greenlight.policy.engine.Given.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.policy.evidence.Alert;
import dev.greenlight.policy.model.AlertsCriterion;
import dev.greenlight.policy.model.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertsCriterionTest {

    private static final AlertsCriterion NO_PAGES_48H =
            new AlertsCriterion(common("no-page-alerts-48h"), Severity.PAGE, Duration.ofHours(48), null, true);
    private static final AlertsCriterion WARNINGS_MAX_5 =
            new AlertsCriterion(common("warnings"), Severity.WARNING, Duration.ofHours(48), 5, true);

    @Test
    void givenNoAlerts_thenPass() {
        CriterionResult result = result(evidence(), T, NO_PAGES_48H);

        assertThat(result.status()).isEqualTo(CriterionStatus.PASS);
        assertThat(result.nextChangeAt()).isNull();
    }

    @Test
    void givenActivePage_thenFail() {
        var e = evidence().withAlerts(List.of(alert("a1", Severity.PAGE, hoursAgo(100), null)));

        CriterionResult result = result(e, T, NO_PAGES_48H);

        assertThat(result.status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(result.reason()).contains("active");
        assertThat(result.evidenceIds()).containsExactly("a1");
    }

    @Test
    void givenResolvedPageFiredWithinWindow_thenFailUntilItsResolutionIs48hOld() {
        var e = evidence().withAlerts(List.of(alert("a1", Severity.PAGE, hoursAgo(47), hoursAgo(46))));

        CriterionResult result = result(e, T, NO_PAGES_48H);

        assertThat(result.status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(result.nextChangeAt()).isEqualTo(hoursAgo(46).plus(Duration.ofHours(48)));
        assertThat(result(e, result.nextChangeAt(), NO_PAGES_48H).status()).isEqualTo(CriterionStatus.PASS);
    }

    @Test
    void givenPageThatFiredBeforeTheWindowAndWasResolvedInsideIt_thenItCounts() {
        // Fired three days ago, resolved an hour ago: it was firing during the last 48h.
        var e = evidence().withAlerts(List.of(alert("a1", Severity.PAGE, hoursAgo(72), hoursAgo(1))));

        CriterionResult result = result(e, T, NO_PAGES_48H);

        assertThat(result.status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(result.reason()).contains("1 PAGE alert(s) firing in 48h");
        assertThat(result.evidenceIds()).containsExactly("a1");
        assertThat(result.nextChangeAt()).isEqualTo(hoursAgo(1).plus(Duration.ofHours(48)));
    }

    @Test
    void givenPageResolvedExactly48hAgo_thenOutsideWindow_butOneMillisecondLaterItOverlaps() {
        var resolvedAtEdge = evidence().withAlerts(List.of(alert("a1", Severity.PAGE, hoursAgo(60), hoursAgo(48))));
        var resolvedJustInside = evidence().withAlerts(List.of(
                alert("a1", Severity.PAGE, hoursAgo(60), hoursAgo(48).plusMillis(1))));

        assertThat(result(resolvedAtEdge, T, NO_PAGES_48H).status()).isEqualTo(CriterionStatus.PASS);
        assertThat(result(resolvedJustInside, T, NO_PAGES_48H).status()).isEqualTo(CriterionStatus.FAIL);
    }

    @Test
    void givenPageFiredExactly48hAgoAndResolvedAfter_thenItOverlaps() {
        var e = evidence().withAlerts(List.of(alert("a1", Severity.PAGE, hoursAgo(48), hoursAgo(47))));

        assertThat(result(e, T, NO_PAGES_48H).status()).isEqualTo(CriterionStatus.FAIL);
    }

    @Test
    void givenLongRunningWarningsWhileActiveAllowed_thenEachOverlappingOneCountsAgainstMax() {
        var tolerant = new AlertsCriterion(common("warnings"), Severity.WARNING, Duration.ofHours(48), 1, false);
        var one = evidence().withAlerts(List.of(alert("w1", Severity.WARNING, hoursAgo(100), null)));
        var two = one.withAlerts(List.of(alert("w2", Severity.WARNING, hoursAgo(90), hoursAgo(40))));

        assertThat(result(one, T, tolerant).status()).isEqualTo(CriterionStatus.PASS);
        CriterionResult failed = result(two, T, tolerant);
        assertThat(failed.status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(failed.nextChangeAt()).as("when w2 leaves the window")
                .isEqualTo(hoursAgo(40).plus(Duration.ofHours(48)));
    }

    @Test
    void givenAlertFiredAfterEvaluationTime_thenItDoesNotExistYet() {
        var e = evidence().withAlerts(List.of(alert("a1", Severity.PAGE, T.plusSeconds(1), T.plusSeconds(2))));

        assertThat(result(e, T, NO_PAGES_48H).status()).isEqualTo(CriterionStatus.PASS);
    }

    @Test
    void givenResolutionAfterEvaluationTime_thenStillActiveAtThatTime() {
        var activeOnly = new AlertsCriterion(common("no-active-page"), Severity.PAGE, null, null, true);
        var e = evidence().withAlerts(List.of(alert("a1", Severity.PAGE, hoursAgo(100), T.plusSeconds(60))));

        assertThat(result(e, T, activeOnly).status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(result(e, T.plusSeconds(60), activeOnly).status()).isEqualTo(CriterionStatus.PASS);
        assertThat(result(e, T.plusSeconds(60), NO_PAGES_48H).status())
                .as("with a window it was still firing inside it").isEqualTo(CriterionStatus.FAIL);
    }

    @Test
    void givenFiveResolvedWarnings_thenPass_andSixFail() {
        List<Alert> five = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            five.add(alert("w" + i, Severity.WARNING, hoursAgo(10 + i), hoursAgo(9)));
        }
        var e = evidence().withAlerts(five);

        assertThat(result(e, T, WARNINGS_MAX_5).status()).isEqualTo(CriterionStatus.PASS);
        var six = e.withAlerts(List.of(alert("w6", Severity.WARNING, hoursAgo(3), hoursAgo(2))));
        assertThat(result(six, T, WARNINGS_MAX_5).status()).isEqualTo(CriterionStatus.FAIL);
    }

    @Test
    void givenOneUnresolvedWarning_thenFail_becauseAllMustBeResolved() {
        var e = evidence().withAlerts(List.of(alert("w1", Severity.WARNING, hoursAgo(1), null)));

        assertThat(result(e, T, WARNINGS_MAX_5).status()).isEqualTo(CriterionStatus.FAIL);
    }

    @Test
    void givenAlertsOfOtherSeverity_thenIgnored() {
        var e = evidence().withAlerts(List.of(alert("i1", Severity.INFO, hoursAgo(1), null)));

        assertThat(result(e, T, NO_PAGES_48H).status()).isEqualTo(CriterionStatus.PASS);
    }
}
