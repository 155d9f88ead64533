package dev.greenlight.policy.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The samples of one metric series, kept so that a window query does not read the series'
 * history: samples fall into fixed time buckets, and each bucket keeps its {@link SeriesSummary}
 * up to date as samples are added or forgotten. A query over {@code (after, until]} combines the
 * summaries of the buckets wholly inside the range and reads the samples of only the (at most two)
 * buckets the range cuts through — so its cost is bounded by the number of buckets in the window
 * and the density of an edge bucket, never by how many samples the series holds.
 *
 * <p>The answer is a function of the sample set: one sample per id (of two different samples
 * with one id the greater rendering is kept, as {@link Evidence} does), in any arrival order.
 * Mutable on purpose — a sample must not copy the series — and not thread-safe.
 */
public final class MetricSeries {

    /** The bucket width when none is given: one minute. */
    public static final Duration DEFAULT_BUCKET = Duration.ofMinutes(1);

    private final long bucketMillis;
    private final NavigableMap<Long, Bucket> buckets = new TreeMap<>();
    private final Map<String, MetricSample> byId = new HashMap<>();

    public MetricSeries() {
        this(DEFAULT_BUCKET);
    }

    public MetricSeries(Duration bucket) {
        if (bucket.toMillis() < 1) {
            throw new IllegalArgumentException("a bucket must be at least 1 ms wide: " + bucket);
        }
        this.bucketMillis = bucket.toMillis();
    }

    /** Adds a sample; returns whether the series changed (false for a duplicate). */
    public boolean add(MetricSample sample) {
        MetricSample known = byId.get(sample.id());
        if (known != null) {
            if (known.equals(sample) || known.toString().compareTo(sample.toString()) >= 0) {
                return false;
            }
            remove(known.id());
        }
        byId.put(sample.id(), sample);
        buckets.computeIfAbsent(bucketOf(sample.observedAt()), b -> new Bucket()).add(sample);
        return true;
    }

    /** Forgets the sample with {@code id}; returns it, or empty when the series does not hold it. */
    public Optional<MetricSample> remove(String id) {
        MetricSample sample = byId.remove(id);
        if (sample == null) {
            return Optional.empty();
        }
        long index = bucketOf(sample.observedAt());
        Bucket bucket = buckets.get(index);
        bucket.remove(sample);
        if (bucket.samples.isEmpty()) {
            buckets.remove(index);
        }
        return Optional.of(sample);
    }

    /**
     * Forgets every sample observed before {@code cutoff} except the latest sample of the series
     * (a criterion without a window reads it) — the retention rule, at the cost of what it forgets.
     */
    public List<MetricSample> expire(Instant cutoff) {
        List<MetricSample> expired = new ArrayList<>();
        if (byId.isEmpty()) {
            return expired;
        }
        // As EvidenceRetention: kept unless observed before the cutoff and before the latest sample.
        Instant latest = buckets.lastEntry().getValue().summary().latest().observedAt();
        Instant bound = cutoff.isBefore(latest) ? cutoff : latest;
        while (!buckets.isEmpty()) {
            Map.Entry<Long, Bucket> first = buckets.firstEntry();
            Bucket bucket = first.getValue();
            if (!bucket.samples.first().observedAt().isBefore(bound)) {
                break;
            }
            if (bucket.samples.last().observedAt().isBefore(bound)) { // the whole bucket goes, unread
                bucket.samples.forEach(sample -> byId.remove(sample.id()));
                expired.addAll(bucket.samples);
                buckets.remove(first.getKey());
                continue;
            }
            while (!bucket.samples.isEmpty() && bucket.samples.first().observedAt().isBefore(bound)) {
                MetricSample oldest = bucket.samples.pollFirst();
                byId.remove(oldest.id());
                expired.add(oldest);
            }
            bucket.dirty = true;
            if (bucket.samples.isEmpty()) {
                buckets.remove(first.getKey());
            } else {
                break;
            }
        }
        return expired;
    }

    public int size() {
        return byId.size();
    }

    /** The samples observed in {@code (after, until]}; {@code after} null for no lower bound. */
    public SeriesSummary summary(Instant after, Instant until) {
        if (buckets.isEmpty() || after != null && !after.isBefore(until)) {
            return SeriesSummary.EMPTY;
        }
        long last = bucketOf(until);
        NavigableMap<Long, Bucket> range = after == null ? buckets.headMap(last, true)
                : buckets.subMap(bucketOf(after), true, last, true);
        SeriesSummary total = SeriesSummary.EMPTY;
        for (Map.Entry<Long, Bucket> entry : range.entrySet()) {
            Bucket bucket = entry.getValue();
            Instant start = Instant.ofEpochMilli(entry.getKey() * bucketMillis);
            Instant end = Instant.ofEpochMilli((entry.getKey() + 1) * bucketMillis); // exclusive
            boolean whole = (after == null || after.isBefore(start)) && !end.isAfter(until.plusNanos(1));
            if (whole) {
                total = total.plus(bucket.summary());
            } else {
                for (MetricSample sample : bucket.samples) {
                    if ((after == null || sample.observedAt().isAfter(after)) && !sample.observedAt().isAfter(until)) {
                        total = total.plus(SeriesSummary.of(sample));
                    }
                }
            }
        }
        return total;
    }

    private long bucketOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), bucketMillis);
    }

    /** One bucket's samples, in (observedAt, id) order, and their summary. */
    private static final class Bucket {
        private final TreeSet<MetricSample> samples = new TreeSet<>(SeriesSummary.LATEST_ORDER);
        private SeriesSummary summary = SeriesSummary.EMPTY;
        /** Min, max and latest cannot be subtracted: after a removal the summary is rebuilt when read. */
        private boolean dirty;

        void add(MetricSample sample) {
            samples.add(sample);
            if (!dirty) {
                summary = summary.plus(SeriesSummary.of(sample));
            }
        }

        void remove(MetricSample sample) {
            samples.remove(sample);
            dirty = true;
        }

        SeriesSummary summary() {
            if (dirty) {
                SeriesSummary rebuilt = SeriesSummary.EMPTY;
                for (MetricSample kept : samples) {
                    rebuilt = rebuilt.plus(SeriesSummary.of(kept));
                }
                summary = rebuilt;
                dirty = false;
            }
            return summary;
        }
    }
}
