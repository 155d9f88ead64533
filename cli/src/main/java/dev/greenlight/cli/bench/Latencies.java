package dev.greenlight.cli.bench;

import java.util.Arrays;

/**
 * Exact percentiles over every latency recorded in one measurement (no histogram buckets, no
 * sampling): a benchmark run records at most a few hundred thousand values, so sorting them all is
 * cheap and the p99.9 is a value that really occurred.
 *
 * <p>Percentile p of n sorted values is the value at rank {@code ceil(p/100 * n)} (nearest-rank), so
 * p100 is the maximum and p50 of {1, 2, 3, 4} is 2.
 */
final class Latencies {

    private final long[] sortedNanos;

    private Latencies(long[] sortedNanos) {
        this.sortedNanos = sortedNanos;
    }

    static Latencies of(long[] nanos) {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Latencies(copy);
    }

    int count() {
        return sortedNanos.length;
    }

    /** The nearest-rank percentile in milliseconds, or NaN when nothing was recorded. */
    double percentileMillis(double percentile) {
        if (percentile <= 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + percentile);
        }
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        // Decimal arithmetic: in binary floating point 99.9 % of 1000 is 999.0000000000001, rank 1000.
        int rank = java.math.BigDecimal.valueOf(percentile).multiply(java.math.BigDecimal.valueOf(sortedNanos.length))
                .divide(java.math.BigDecimal.valueOf(100)).setScale(0, java.math.RoundingMode.CEILING).intValueExact();
        return sortedNanos[Math.max(rank, 1) - 1] / 1e6;
    }
}
