package dev.greenlight.policy.engine;

import static dev.greenlight.policy.engine.Given.T;
import static dev.greenlight.policy.engine.Given.common;
import static dev.greenlight.policy.engine.Given.evidence;
import static dev.greenlight.policy.engine.Given.hoursAgo;
import static dev.greenlight.policy.engine.Given.policy;
import static dev.greenlight.policy.engine.Given.result;
import static dev.greenlight.policy.engine.Given.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.policy.model.Aggregate;
import dev.greenlight.policy.model.Baseline;
import dev.greenlight.policy.model.Comparator;
import dev.greenlight.policy.model.MetricCriterion;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricCriterionTest {

    private static final MetricCriterion ENTROPY = new MetricCriterion(common("entropy"), "policy_entropy",
            Aggregate.LATEST, null, Comparator.GE, 0.9, null, null, 1);
    private static final MetricCriterion Q_SPREAD = new MetricCriterion(common("q-spread"), "q_spread",
            Aggregate.LATEST, null, Comparator.LE, 2, null, Baseline.ofMetric("q_spread_baseline"), 1);
    private static final MetricCriterion BURN = new MetricCriterion(common("burn"), "error_budget_burn_pct",
            Aggregate.LATEST, null, Comparator.LT, 100, 25.0, null, 1);

    @Test
    void givenValueExactlyAtThreshold_thenGreaterOrEqualPasses() {
        var e = evidence().withMetrics(List.of(sample("m1", "policy_entropy", 0.9, hoursAgo(1))));

        assertThat(result(e, T, ENTROPY).status()).isEqualTo(CriterionStatus.PASS);
    }

    @Test
    void givenValueExactlyAtThreshold_thenStrictLessThanFails() {
        var e = evidence().withMetrics(List.of(sample("m1", "error_budget_burn_pct", 100, hoursAgo(1))));

        CriterionResult result = result(e, T, BURN);

        assertThat(result.status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(result.observed()).isEqualTo("100");
    }

    @Test
    void givenValueInWarnBand_thenWarn_andHoldWhenPolicyWantsAHuman() {
        var e = evidence().withMetrics(List.of(sample("m1", "error_budget_burn_pct", 30, hoursAgo(1))));

        assertThat(result(e, T, BURN).status()).isEqualTo(CriterionStatus.WARN);
        assertThat(new PolicyEngine().evaluate(policy(BURN), Given.STAGE, e, T).outcome()).isEqualTo(Outcome.GO);
        Decision held = new PolicyEngine().evaluate(policy(Given.warnNeedsHuman(), BURN), Given.STAGE, e, T);
        assertThat(held.outcome()).isEqualTo(Outcome.HOLD);
        assertThat(held.missing()).containsExactly("metric:burn");
    }

    @Test
    void givenNoSamples_thenPending() {
        assertThat(result(evidence(), T, ENTROPY).status()).isEqualTo(CriterionStatus.PENDING);
    }

    @Test
    void givenFewerSamplesThanMinimumInWindow_thenPending() {
        var avg = new MetricCriterion(common("entropy-avg"), "policy_entropy", Aggregate.AVG, Duration.ofHours(2),
                Comparator.GE, 0.9, null, null, 3);
        var e = evidence().withMetrics(List.of(
                sample("m1", "policy_entropy", 0.95, hoursAgo(2)),
                sample("m2", "policy_entropy", 0.95, hoursAgo(1)),
                sample("m3", "policy_entropy", 0.95, T)));

        CriterionResult result = result(e, T, avg);

        assertThat(result.status()).as("the sample exactly 2h old is outside the window")
                .isEqualTo(CriterionStatus.PENDING);
        assertThat(result.reason()).contains("only 2 of 3 samples");
        assertThat(result.nextChangeAt()).isEqualTo(hoursAgo(1).plus(Duration.ofHours(2)));
    }

    @Test
    void givenSamplesOutOfOrder_thenLatestIsByObservationTime() {
        var e = evidence().withMetrics(List.of(
                sample("z-newest", "policy_entropy", 0.95, hoursAgo(1)),
                sample("a-older", "policy_entropy", 0.5, hoursAgo(3))));

        assertThat(result(e, T, ENTROPY).observed()).isEqualTo("0.95");
    }

    @Test
    void givenBaselineMetric_thenThresholdIsFactorTimesBaseline() {
        var within = evidence().withMetrics(List.of(sample("b1", "q_spread_baseline", 1.5, hoursAgo(100)),
                sample("q1", "q_spread", 3.0, hoursAgo(1))));
        var beyond = within.withMetrics(List.of(sample("q2", "q_spread", 3.01, T)));

        CriterionResult pass = result(within, T, Q_SPREAD);
        assertThat(pass.status()).isEqualTo(CriterionStatus.PASS);
        assertThat(pass.evidenceIds()).containsExactly("b1", "q1");
        assertThat(pass.threshold()).isEqualTo("<= 2 x q_spread_baseline = 3");
        assertThat(result(beyond, T, Q_SPREAD).status()).isEqualTo(CriterionStatus.FAIL);
    }

    @Test
    void givenBaselineNeverObserved_thenPending() {
        var e = evidence().withMetrics(List.of(sample("q1", "q_spread", 1.0, hoursAgo(1))));

        assertThat(result(e, T, Q_SPREAD).status()).isEqualTo(CriterionStatus.PENDING);
    }

    @Test
    void givenAggregates_thenEachReducesTheWindow() {
        var e = evidence().withMetrics(List.of(sample("m1", "trades", 4, hoursAgo(3)),
                sample("m2", "trades", 6, hoursAgo(2))));

        assertThat(result(e, T, metric(Aggregate.SUM, 10)).status()).isEqualTo(CriterionStatus.PASS);
        assertThat(result(e, T, metric(Aggregate.AVG, 5)).status()).isEqualTo(CriterionStatus.PASS);
        assertThat(result(e, T, metric(Aggregate.MAX, 6)).status()).isEqualTo(CriterionStatus.PASS);
        assertThat(result(e, T, metric(Aggregate.MIN, 5)).status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(result(e, T, metric(Aggregate.COUNT, 2)).status()).isEqualTo(CriterionStatus.PASS);
    }

    private static MetricCriterion metric(Aggregate aggregate, double atLeast) {
        return new MetricCriterion(common("trades"), "trades", aggregate, null, Comparator.GE, atLeast, null, null, 1);
    }
}
