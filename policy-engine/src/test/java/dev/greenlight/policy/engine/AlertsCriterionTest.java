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
    void givenResolvedPageFiredWithinWindow_thenFailUntilItIs48hOld() {
        var fired = hoursAgo(47);
        var e = evidence().withAlerts(List.of(alert("a1", Severity.PAGE, fired, hoursAgo(46))));

        CriterionResult result = result(e, T, NO_PAGES_48H);

        assertThat(result.status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(result.nextChangeAt()).isEqualTo(fired.plus(Duration.ofHours(48)));
    }

    @Test
    void givenPageFiredExactly48hAgo_thenOutsideWindow_pass() {
        var e = evidence().withAlerts(List.of(alert("a1", Severity.PAGE, hoursAgo(48), hoursAgo(47))));

        assertThat(result(e, T, NO_PAGES_48H).status()).isEqualTo(CriterionStatus.PASS);
    }

    @Test
    void givenResolutionAfterEvaluationTime_thenStillActiveAtThatTime() {
        var e = evidence().withAlerts(List.of(alert("a1", Severity.PAGE, hoursAgo(100), T.plusSeconds(60))));

        assertThat(result(e, T, NO_PAGES_48H).status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(result(e, T.plusSeconds(60), NO_PAGES_48H).status()).isEqualTo(CriterionStatus.PASS);
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
