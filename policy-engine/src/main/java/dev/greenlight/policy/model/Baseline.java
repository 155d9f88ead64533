package dev.greenlight.policy.model;

/**
 * What a relative threshold multiplies: either the latest sample of another metric or a fixed
 * number. Exactly one of the two is set.
 */
public record Baseline(String metric, Double value) {

    public static Baseline ofMetric(String metric) {
        return new Baseline(metric, null);
    }

    public static Baseline ofValue(double value) {
        return new Baseline(null, value);
    }

    @Override
    public String toString() {
        return metric != null ? metric : String.valueOf(value);
    }
}
