package dev.greenlight.policy.engine;

import static dev.greenlight.policy.engine.Given.T;
import static dev.greenlight.policy.engine.Given.alert;
import static dev.greenlight.policy.engine.Given.evidence;
import static dev.greenlight.policy.engine.Given.hoursAgo;
import static dev.greenlight.policy.engine.Given.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.model.AlertTrigger;
import dev.greenlight.policy.model.Baseline;
import dev.greenlight.policy.model.Comparator;
import dev.greenlight.policy.model.Defaults;
import dev.greenlight.policy.model.Governs;
import dev.greenlight.policy.model.Guard;
import dev.greenlight.policy.model.GuardAction;
import dev.greenlight.policy.model.MetricTrigger;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.Severity;
import dev.greenlight.policy.model.Stage;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GuardTest {

    private static final Guard PAGE = new Guard("page", new AlertTrigger(Severity.PAGE, null), GuardAction.KILL, null);
    private static final Guard ENTROPY = new Guard("entropy",
            new MetricTrigger("policy_entropy", Comparator.LT, 0.8, null), GuardAction.KILL, null);
    private static final Guard Q_SPREAD = new Guard("q-spread",
            new MetricTrigger("q_spread", Comparator.GT, 3, Baseline.ofMetric("q_spread_baseline")),
            GuardAction.ROLLBACK, Duration.ofHours(24));
    private static final Policy POLICY = new Policy("p", "1", "", new Governs(List.of("*"), Set.of()),
            List.of(new Stage("live", 10, Duration.ofHours(2), List.of(), List.of(PAGE, ENTROPY, Q_SPREAD))),
            Defaults.none(), "hash");

    private static List<GuardTrip> tripped(Evidence evidence) {
        return new PolicyEngine().trippedGuards(POLICY, "live", evidence, T);
    }

    @Test
    void givenHealthyMetricsAndNoAlerts_thenNothingTrips() {
        var e = evidence().withMetrics(List.of(sample("e1", "policy_entropy", 0.8, hoursAgo(1)),
                sample("q1", "q_spread", 3.0, hoursAgo(1)), sample("b1", "q_spread_baseline", 1.0, hoursAgo(90))));

        assertThat(tripped(e)).isEmpty();
    }

    @Test
    void givenActivePageAndCollapsingEntropy_thenBothTripInPolicyOrder() {
        var e = evidence().withAlerts(List.of(alert("a1", Severity.PAGE, hoursAgo(1), null)))
                .withMetrics(List.of(sample("e1", "policy_entropy", 0.79, hoursAgo(1))));

        assertThat(tripped(e)).extracting(trip -> trip.guard().name()).containsExactly("page", "entropy");
        assertThat(tripped(e).get(1).observed()).isEqualTo("policy_entropy = 0.79 < 0.8");
    }

    @Test
    void givenResolvedPage_thenNoTrip() {
        var e = evidence().withAlerts(List.of(alert("a1", Severity.PAGE, hoursAgo(2), hoursAgo(1))));

        assertThat(tripped(e)).isEmpty();
    }

    @Test
    void givenQSpreadBeyondThreeTimesBaseline_thenRollbackDueWithin24h() {
        var observed = hoursAgo(1);
        var e = evidence().withMetrics(List.of(sample("q1", "q_spread", 3.1, observed),
                sample("b1", "q_spread_baseline", 1.0, hoursAgo(90))));

        GuardTrip trip = tripped(e).get(0);

        assertThat(trip.guard().action()).isEqualTo(GuardAction.ROLLBACK);
        assertThat(trip.actBy()).isEqualTo(observed.plus(Duration.ofHours(24)));
        assertThat(trip.evidenceIds()).containsExactly("q1", "b1");
    }
}
