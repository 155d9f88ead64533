package dev.greenlight.policy.engine;

import static dev.greenlight.policy.engine.CriterionStatus.FAIL;
import static dev.greenlight.policy.engine.CriterionStatus.PASS;
import static dev.greenlight.policy.engine.CriterionStatus.PENDING;
import static dev.greenlight.policy.engine.CriterionStatus.WARN;

import dev.greenlight.policy.evidence.MetricSample;
import dev.greenlight.policy.evidence.SeriesCitation;
import dev.greenlight.policy.evidence.SeriesSummary;
import dev.greenlight.policy.model.Aggregate;
import dev.greenlight.policy.model.MetricCriterion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Metric criteria: aggregate the samples in the window, compare with the (possibly baseline
 * relative) threshold. Too few samples or a missing baseline is PENDING, because more data can
 * still arrive; the comparison itself is applied literally (exactly at the threshold passes for
 * {@code <=} and fails for {@code <}).
 *
 * <p>Two ways to read the samples, one judgement. The raw evaluation filters
 * {@code evidence.metrics()} and cites every sample id (how every decision before the incremental
 * evaluation was computed, and how a replay reproduces those). The incremental evaluation
 * ({@link EvaluationContext#series} set) asks a {@code MetricIndex} for a {@link SeriesSummary}
 * of the window — cost independent of the series' history — and cites the window as one
 * {@link SeriesCitation}. Both give the same count, min, max, latest and next change; sums and
 * averages of the incremental evaluation are exact and rounded once ({@link SeriesSummary#sum}),
 * where the raw one used a compensated double sum in id order — equal whenever that sum was exact.
 */
final class MetricEvaluator implements CriterionEvaluator<MetricCriterion> {

    @Override
    public CriterionResult evaluate(MetricCriterion criterion, EvaluationContext context) {
        return context.series() == null ? raw(criterion, context) : incremental(criterion, context);
    }

    private static CriterionResult raw(MetricCriterion criterion, EvaluationContext context) {
        List<MetricSample> samples = context.evidence().metrics().stream()
                .filter(sample -> sample.name().equals(criterion.metric()))
                .filter(sample -> criterion.window() == null ? context.known(sample.observedAt())
                        : context.within(sample.observedAt(), criterion.window()))
                .toList();
        List<String> ids = new ArrayList<>(samples.stream().map(MetricSample::id).toList());
        var nextChange = criterion.window() == null ? null : context.earliestFuture(
                samples.stream().map(sample -> sample.observedAt().plus(criterion.window())));
        Optional<Double> base = Optional.empty();
        if (criterion.baseline() != null && criterion.baseline().value() == null) {
            Optional<MetricSample> latest = context.evidence().metrics().stream()
                    .filter(sample -> sample.name().equals(criterion.baseline().metric()))
                    .filter(sample -> context.known(sample.observedAt()))
                    .max(Comparator.comparing(MetricSample::observedAt).thenComparing(MetricSample::id));
            latest.ifPresent(sample -> ids.add(sample.id()));
            base = latest.map(MetricSample::value);
        }
        return judge(criterion, samples.size(), () -> rawAggregate(criterion, samples), base, ids, nextChange);
    }

    private static CriterionResult incremental(MetricCriterion criterion, EvaluationContext context) {
        Instant after = criterion.window() == null ? null : context.at().minus(criterion.window());
        SeriesSummary window = context.series().summary(criterion.metric(), after, context.at());
        List<String> ids = new ArrayList<>();
        if (window.count() > 0) {
            // Without a window the criterion reads every sample the gate still keeps, which
            // retention trims from the old end: the citation starts just before the earliest one,
            // so a replay from the ledger (which forgets nothing) resolves the same samples.
            Instant from = after != null ? after : window.earliest().minusMillis(1);
            ids.add(SeriesCitation.of(criterion.metric(), from, context.at(), window, context.series().through()).id());
        }
        Instant nextChange = criterion.window() == null || window.count() == 0 ? null
                : window.earliest().plus(criterion.window());
        Optional<Double> base = Optional.empty();
        if (criterion.baseline() != null && criterion.baseline().value() == null) {
            MetricSample latest = context.series().summary(criterion.baseline().metric(), null, context.at()).latest();
            if (latest != null) {
                ids.add(latest.id());
                base = Optional.of(latest.value());
            }
        }
        return judge(criterion, window.count(), () -> aggregate(criterion, window), base, ids, nextChange);
    }

    private static CriterionResult judge(MetricCriterion criterion, long count, DoubleSupplier aggregate,
                                         Optional<Double> baselineSample, List<String> ids, Instant nextChange) {
        String windowText = criterion.window() == null ? "" : " over " + DurationText.format(criterion.window());
        String subject = criterion.aggregate().label() + "(" + criterion.metric() + ")" + windowText;
        double factor = criterion.threshold();
        Double warnFactor = criterion.warn();
        double threshold = factor;
        Double warn = warnFactor;
        String thresholdText = criterion.comparator().symbol() + " " + Numbers.format(factor);
        if (criterion.baseline() != null) {
            Optional<Double> base = criterion.baseline().value() != null
                    ? Optional.of(criterion.baseline().value()) : baselineSample;
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
        if (count < needed) {
            return CriterionResult.of(criterion, PENDING, count + " samples", thresholdText,
                    "only " + count + " of " + needed + " samples of " + criterion.metric()
                            + windowText, ids, nextChange);
        }
        double value = aggregate.getAsDouble();
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

    private static double rawAggregate(MetricCriterion criterion, List<MetricSample> samples) {
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

    private static double aggregate(MetricCriterion criterion, SeriesSummary window) {
        return switch (criterion.aggregate()) {
            case LATEST -> window.latest().value();
            case AVG -> window.average();
            case MAX -> window.max();
            case MIN -> window.min();
            case SUM -> window.sum();
            case COUNT -> window.count();
        };
    }
}
