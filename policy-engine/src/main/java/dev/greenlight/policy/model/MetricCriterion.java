package dev.greenlight.policy.model;

import java.time.Duration;

/**
 * A metric, aggregated over a window, compared to a threshold. With a baseline the threshold is a
 * factor ({@code threshold × baseline}); with a warn threshold a value that passes the threshold
 * but not the warn threshold reports WARN.
 *
 * @param window samples observed within this look-back window count; null means all samples
 * @param warn stricter threshold on the same comparator; null for no warn band
 * @param minSamples fewer samples than this give PENDING
 */
public record MetricCriterion(CriterionCommon common, String metric, Aggregate aggregate, Duration window,
                              Comparator comparator, double threshold, Double warn, Baseline baseline,
                              int minSamples) implements Criterion {

    @Override
    public String kind() {
        return "metric";
    }
}
