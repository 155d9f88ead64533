package dev.greenlight.policy.evidence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A release's metric samples as the incremental evaluation reads them: by metric and time range,
 * summarised ({@link SeriesSummary}), never as a list. The gate keeps one {@link MetricSeries} per
 * series and answers from it; a replay builds one from the samples a decision cites.
 */
@FunctionalInterface
public interface MetricIndex {

    /** The samples of {@code metric} observed in {@code (after, until]}; {@code after} null for no lower bound. */
    SeriesSummary summary(String metric, Instant after, Instant until);

    /**
     * The highest metrics-topic position of the samples this index holds, which the decisions it
     * feeds cite ({@link SeriesCitation#through}); null when not known (a replay's index, tests).
     */
    default SourceOffset through() {
        return null;
    }

    /** This index, citing {@code through} as the arrival bound of its samples. */
    default MetricIndex through(SourceOffset through) {
        MetricIndex index = this;
        return new MetricIndex() {
            @Override
            public SeriesSummary summary(String metric, Instant after, Instant until) {
                return index.summary(metric, after, until);
            }

            @Override
            public SourceOffset through() {
                return through;
            }
        };
    }

    /** An index over exactly these samples (duplicates by id collapse, as in {@link Evidence}). */
    static MetricIndex of(Collection<MetricSample> samples) {
        Map<String, MetricSeries> byName = new HashMap<>();
        for (MetricSample sample : samples) {
            byName.computeIfAbsent(sample.name(), n -> new MetricSeries()).add(sample);
        }
        return (metric, after, until) -> {
            MetricSeries series = byName.get(metric);
            return series == null ? SeriesSummary.EMPTY : series.summary(after, until);
        };
    }
}
