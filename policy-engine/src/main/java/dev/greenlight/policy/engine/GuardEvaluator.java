package dev.greenlight.policy.engine;

import dev.greenlight.policy.evidence.Alert;
import dev.greenlight.policy.evidence.MetricSample;
import dev.greenlight.policy.model.AlertTrigger;
import dev.greenlight.policy.model.Guard;
import dev.greenlight.policy.model.MetricTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a guard's trigger holds at evaluation time: an alert trigger holds while a
 * matching alert is active; a metric trigger holds when the latest sample crosses the bound
 * (relative to the latest baseline sample if one is named; no baseline yet means no trip).
 */
final class GuardEvaluator {

    Optional<GuardTrip> evaluate(Guard guard, EvaluationContext context) {
        if (guard.trigger() instanceof AlertTrigger trigger) {
            return alert(guard, trigger, context);
        }
        return metric(guard, (MetricTrigger) guard.trigger(), context);
    }

    private Optional<GuardTrip> alert(Guard guard, AlertTrigger trigger, EvaluationContext context) {
        List<Alert> active = context.evidence().alerts().stream()
                .filter(alert -> alert.severity() == trigger.severity())
                .filter(alert -> trigger.alertName() == null || trigger.alertName().equals(alert.alertName()))
                .filter(alert -> alert.activeAt(context.at()))
                .sorted(Comparator.comparing(Alert::firedAt).thenComparing(Alert::id))
                .toList();
        if (active.isEmpty()) {
            return Optional.empty();
        }
        Alert first = active.get(0);
        return Optional.of(new GuardTrip(guard, active.size() + " " + trigger.severity() + " alert(s) active",
                actBy(first.firedAt(), guard.within()), active.stream().map(Alert::id).toList()));
    }

    private Optional<GuardTrip> metric(Guard guard, MetricTrigger trigger, EvaluationContext context) {
        Optional<MetricSample> latest = latest(trigger.metric(), context);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        double bound = trigger.threshold();
        List<String> ids = new ArrayList<>(List.of(latest.get().id()));
        if (trigger.baseline() != null) {
            Optional<Double> base = Optional.ofNullable(trigger.baseline().value());
            if (trigger.baseline().metric() != null) {
                Optional<MetricSample> baseline = latest(trigger.baseline().metric(), context);
                baseline.ifPresent(sample -> ids.add(sample.id()));
                base = baseline.map(MetricSample::value);
            }
            if (base.isEmpty()) {
                return Optional.empty();
            }
            bound = bound * base.get();
        }
        MetricSample sample = latest.get();
        if (!trigger.comparator().test(sample.value(), bound)) {
            return Optional.empty();
        }
        return Optional.of(new GuardTrip(guard, trigger.metric() + " = " + Numbers.format(sample.value()) + " "
                + trigger.comparator().symbol() + " " + Numbers.format(bound), actBy(sample.observedAt(), guard.within()),
                ids));
    }

    private static Optional<MetricSample> latest(String metric, EvaluationContext context) {
        return context.evidence().metrics().stream()
                .filter(sample -> sample.name().equals(metric))
                .filter(sample -> context.known(sample.observedAt()))
                .max(Comparator.comparing(MetricSample::observedAt).thenComparing(MetricSample::id));
    }

    private static Instant actBy(Instant triggeredAt, Duration within) {
        return within == null ? triggeredAt : triggeredAt.plus(within);
    }
}
