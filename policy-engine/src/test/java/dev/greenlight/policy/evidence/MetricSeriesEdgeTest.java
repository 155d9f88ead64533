package dev.greenlight.policy.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every range whose bounds sit exactly on a sample, on a bucket edge or one millisecond to either
 * side of them, against filtering the samples: the cases a random range rarely hits, and where an
 * off-by-one in the bucket arithmetic ({@code (after, until]}: after exclusive, until inclusive)
 * would hide.
 */
class MetricSeriesEdgeTest {

    private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");
    private static final Duration BUCKET = Duration.ofMinutes(1);

    @Test
    void everyRangeBoundedAtSamplesAndBucketEdgesEqualsFiltering() {
        List<MetricSample> samples = new ArrayList<>();
        long[] offsets = {0, 1, 30_000, 59_999, 60_000, 60_001, 90_000, 119_999, 120_000, 180_000, 239_999};
        for (int i = 0; i < offsets.length; i++) {
            samples.add(new MetricSample("s" + i, "m", i + 0.5, T0.plusMillis(offsets[i])));
        }
        MetricSeries series = new MetricSeries(BUCKET);
        samples.forEach(series::add);

        List<Instant> bounds = new ArrayList<>();
        for (long offset = -60_000; offset <= 300_000; offset += 60_000) {
            for (long nudge = -1; nudge <= 1; nudge++) {
                bounds.add(T0.plusMillis(offset + nudge));
            }
        }
        for (long offset : offsets) {
            for (long nudge = -1; nudge <= 1; nudge++) {
                bounds.add(T0.plusMillis(offset + nudge));
            }
        }
        List<Instant> afters = new ArrayList<>(bounds);
        afters.add(null);
        int ranges = 0;
        for (Instant after : afters) {
            for (Instant until : bounds) {
                if (after != null && !after.isBefore(until)) {
                    continue;
                }
                List<MetricSample> inRange = samples.stream()
                        .filter(s -> !s.observedAt().isAfter(until) && (after == null || s.observedAt().isAfter(after)))
                        .toList();
                SeriesSummary summary = series.summary(after, until);
                String range = "(" + after + ", " + until + "]";
                assertThat(summary.count()).as(range).isEqualTo(inRange.size());
                assertThat(summary.exactSum()).as(range).isEqualByComparingTo(inRange.stream()
                        .map(s -> new BigDecimal(s.value())).reduce(BigDecimal.ZERO, BigDecimal::add));
                if (!inRange.isEmpty()) {
                    assertThat(summary.latest()).as(range)
                            .isEqualTo(inRange.stream().max(SeriesSummary.LATEST_ORDER).orElseThrow());
                }
                ranges++;
            }
        }
        assertThat(ranges).isGreaterThan(1_000);
    }
}
