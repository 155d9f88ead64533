package dev.greenlight.policy.engine;

import static dev.greenlight.policy.engine.CriterionStatus.FAIL;
import static dev.greenlight.policy.engine.CriterionStatus.PASS;

import dev.greenlight.policy.evidence.Alert;
import dev.greenlight.policy.model.AlertsCriterion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Alert criteria: an alert of the severity still active at evaluation time fails (when
 * {@code allResolved}); more alerts firing at any moment of the window than {@code max}
 * (default 0) fails.
 *
 * <p>"No page alert in the last 48h" counts every alert that <em>overlaps</em> the window — one
 * that fired three days ago and was resolved an hour ago was firing inside it — not only one that
 * started inside it. An alert is firing on {@code [firedAt, resolvedAt)} and the window is
 * {@code (T - W, T]}, so it overlaps iff it fired by T and was not resolved by {@code T - W}. A
 * resolved alert leaves the window at {@code resolvedAt + W}: that is when the result can next
 * change by time alone.
 */
final class AlertsEvaluator implements CriterionEvaluator<AlertsCriterion> {

    @Override
    public CriterionResult evaluate(AlertsCriterion criterion, EvaluationContext context) {
        List<Alert> ofSeverity = context.evidence().alerts().stream()
                .filter(alert -> alert.severity() == criterion.severity())
                .filter(alert -> context.known(alert.firedAt()))
                .toList();
        List<Alert> active = ofSeverity.stream().filter(alert -> alert.activeAt(context.at())).toList();
        List<Alert> inWindow = criterion.window() == null ? List.of() : ofSeverity.stream()
                .filter(alert -> overlaps(alert, criterion.window(), context))
                .toList();
        int max = criterion.max() == null ? 0 : criterion.max();
        String severity = criterion.severity().name();
        String windowText = criterion.window() == null ? "" : " in " + DurationText.format(criterion.window());
        String observed = inWindow.size() + " firing" + windowText + ", " + active.size() + " active";
        String threshold = (criterion.window() == null ? "" : "<= " + max + windowText + ", ")
                + (criterion.allResolved() ? "none active" : "active allowed");
        List<String> ids = Stream.concat(active.stream(), inWindow.stream()).map(Alert::id).toList();
        Instant nextChange = criterion.window() == null ? null
                : context.earliestFuture(inWindow.stream().map(Alert::resolvedAt).filter(Objects::nonNull)
                        .map(resolved -> resolved.plus(criterion.window())));
        if (criterion.allResolved() && !active.isEmpty()) {
            return CriterionResult.of(criterion, FAIL, observed, threshold,
                    active.size() + " " + severity + " alert(s) active: " + names(active), ids, nextChange);
        }
        if (criterion.window() != null && inWindow.size() > max) {
            return CriterionResult.of(criterion, FAIL, observed, threshold,
                    inWindow.size() + " " + severity + " alert(s) firing" + windowText + " (max " + max + "): "
                            + names(inWindow), ids, nextChange);
        }
        return CriterionResult.of(criterion, PASS, observed, threshold,
                inWindow.isEmpty() ? "no " + severity + " alert" + (criterion.window() == null ? " active" : windowText)
                        : inWindow.size() + " " + severity + " alert(s)" + windowText + ", within max " + max,
                ids, nextChange);
    }

    /** Firing at some instant of {@code (T - window, T]}, as known at T. */
    private static boolean overlaps(Alert alert, Duration window, EvaluationContext context) {
        Instant windowStart = context.at().minus(window);
        return context.known(alert.firedAt())
                && (alert.resolvedAt() == null || alert.resolvedAt().isAfter(windowStart));
    }

    private static String names(List<Alert> alerts) {
        return String.join(", ", alerts.stream().map(Alert::alertName).distinct().sorted().toList());
    }
}
