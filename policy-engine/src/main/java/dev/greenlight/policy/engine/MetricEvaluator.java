package dev.greenlight.policy.engine;

import static dev.greenlight.policy.engine.CriterionStatus.FAIL;
import static dev.greenlight.policy.engine.CriterionStatus.PASS;
import static dev.greenlight.policy.engine.CriterionStatus.PENDING;
import static dev.greenlight.policy.engine.CriterionStatus.WARN;

import dev.greenlight.policy.evidence.MetricSample;
import dev.greenlight.policy.model.Aggregate;
import dev.greenlight.policy.model.MetricCriterion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Metric criteria: aggregate the samples in the window, compare with the (possibly baseline
 * relative) threshold. Too few samples or a missing baseline is PENDING, because more data can
 * still arrive; the comparison itself is applied literally (exactly at the threshold passes for
 * {@code <=} and fails for {@code <}).
 */
final class MetricEvaluator implements CriterionEvaluator<MetricCriterion> {

    @Override
    public CriterionResult evaluate(MetricCriterion criterion, EvaluationContext context) {
        List<MetricSample> samples = context.evidence().metrics().stream()
                .filter(sample -> sample.name().equals(criterion.metric()))
                .filter(sample -> criterion.window() == null ? context.known(sample.observedAt())
                        : context.within(sample.observedAt(), criterion.window()))
                .toList();
        List<String> ids = new ArrayList<>(samples.stream().map(MetricSample::id).toList());
        var nextChange = criterion.window() == null ? null : context.earliestFuture(
                samples.stream().map(sample -> sample.observedAt().plus(criterion.window())));
        String windowText = criterion.window() == null ? "" : " over " + DurationText.format(criterion.window());
        String subject = criterion.aggregate().label() + "(" + criterion.metric() + ")" + windowText;
        double factor = criterion.threshold();
        Double warnFactor = criterion.warn();
        double threshold = factor;
        Double warn = warnFactor;
        String thresholdText = criterion.comparator().symbol() + " " + Numbers.format(factor);
        if (criterion.baseline() != null) {
            Optional<Double> base = baseline(criterion, context, ids);
            thresholdText += " x " + criterion.baseline();
            if (base.isEmpty()) {
                return CriterionResult.of(criterion, PENDING, null, thresholdText,
                        "no sample of baseline " + criterion.baseline().metric(), ids, null);
            }
            threshold = factor * base.get();
            warn = warnFactor == null ? null : warnFactor * base.get();
            thresholdText += " = " + Numbers.format(threshold);
        }
        if (warn != null) {
            thresholdText += " (warn unless " + criterion.comparator().symbol() + " " + Numbers.format(warn) + ")";
        }
        // An aggregate of nothing is undefined, so every aggregate but count needs one sample.
        int needed = criterion.aggregate() == Aggregate.COUNT ? criterion.minSamples()
                : Math.max(1, criterion.minSamples());
        if (samples.size() < needed) {
            return CriterionResult.of(criterion, PENDING, samples.size() + " samples", thresholdText,
                    "only " + samples.size() + " of " + needed + " samples of " + criterion.metric()
                            + windowText, ids, nextChange);
        }
        double value = aggregate(criterion, samples);
        String observed = Numbers.format(value);
        if (!criterion.comparator().test(value, threshold)) {
            return CriterionResult.of(criterion, FAIL, observed, thresholdText,
                    subject + " = " + observed + ", required " + criterion.comparator().symbol() + " "
                            + Numbers.format(threshold), ids, nextChange);
        }
        if (warn != null && !criterion.comparator().test(value, warn)) {
            return CriterionResult.of(criterion, WARN, observed, thresholdText,
                    subject + " = " + observed + " is inside the warn band (" + criterion.comparator().symbol() + " "
                            + Numbers.format(warn) + " expected)", ids, nextChange);
        }
        return CriterionResult.of(criterion, PASS, observed, thresholdText,
                subject + " = " + observed + " " + criterion.comparator().symbol() + " " + Numbers.format(threshold),
                ids, nextChange);
    }

    private static Optional<Double> baseline(MetricCriterion criterion, EvaluationContext context, List<String> ids) {
        if (criterion.baseline().value() != null) {
            return Optional.of(criterion.baseline().value());
        }
        Optional<MetricSample> latest = context.evidence().metrics().stream()
                .filter(sample -> sample.name().equals(criterion.baseline().metric()))
                .filter(sample -> context.known(sample.observedAt()))
                .max(Comparator.comparing(MetricSample::observedAt).thenComparing(MetricSample::id));
        latest.ifPresent(sample -> ids.add(sample.id()));
        return latest.map(MetricSample::value);
    }

    private static double aggregate(MetricCriterion criterion, List<MetricSample> samples) {
        return switch (criterion.aggregate()) {
            case LATEST -> samples.stream()
                    .max(Comparator.comparing(MetricSample::observedAt).thenComparing(MetricSample::id))
                    .orElseThrow().value();
            case AVG -> samples.stream().mapToDouble(MetricSample::value).average().orElse(Double.NaN);
            case MAX -> samples.stream().mapToDouble(MetricSample::value).max().orElse(Double.NaN);
            case MIN -> samples.stream().mapToDouble(MetricSample::value).min().orElse(Double.NaN);
            case SUM -> samples.stream().mapToDouble(MetricSample::value).sum();
            case COUNT -> samples.size();
        };
    }
}
