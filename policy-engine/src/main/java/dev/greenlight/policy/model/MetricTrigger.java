package dev.greenlight.policy.model;

/**
 * Trips when the latest sample of {@code metric} satisfies {@code comparator threshold}; with a
 * baseline the threshold is a factor of it (q-spread > 3 × baseline).
 */
public record MetricTrigger(String metric, Comparator comparator, double threshold, Baseline baseline)
        implements GuardTrigger {

    @Override
    public String describe() {
        String bound = baseline == null ? String.valueOf(threshold) : threshold + " x " + baseline;
        return metric + " " + comparator.symbol() + " " + bound;
    }
}
