package dev.greenlight.policy.evidence;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Instant;
import java.util.Comparator;

/**
 * What a metric criterion needs to know about the samples of one metric in one time range,
 * without the samples: their count, minimum, maximum, exact sum, the latest of them, the earliest
 * observation instant, and a digest of their ids. Every field is a function of the sample
 * <em>set</em> — never of the order they arrived in — so a live evaluation and a replay from the
 * ledger compute the same numbers; and every field combines with {@link #plus}, which is how
 * {@link MetricSeries} answers a window from per-bucket summaries.
 *
 * <p>Sums are exact: each finite value is added as the {@code BigDecimal} it denotes and the
 * total rounded once ({@link #sum}); an average is that exact sum divided by the count to 34
 * significant digits, then rounded to the nearest double ({@link #average}). Non-finite values
 * (which ingest refuses) combine by IEEE rules, which are order-free for them alone.
 *
 * <p>The digest is the sum modulo 2<sup>256</sup> of the SHA-256 of every sample id
 * ({@link SeriesCitation#digestOf}), an order-free multiset hash a replay recomputes from the
 * samples it resolves.
 *
 * @param nonFinite the IEEE sum of the non-finite values only (0 when there are none)
 * @param latest the sample with the greatest (observedAt, id); null when empty
 * @param earliest the least observedAt; null when empty
 */
public record SeriesSummary(long count, double min, double max, BigDecimal exactSum, double nonFinite,
                            MetricSample latest, Instant earliest, BigInteger digest) {

    static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

    /** Order of "latest": observation time, then id, as the raw evaluation breaks ties. */
    public static final Comparator<MetricSample> LATEST_ORDER =
            Comparator.comparing(MetricSample::observedAt).thenComparing(MetricSample::id);

    public static final SeriesSummary EMPTY = new SeriesSummary(0, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, BigDecimal.ZERO, 0.0, null, null, BigInteger.ZERO);

    /** The summary of one sample. */
    public static SeriesSummary of(MetricSample sample) {
        double value = sample.value();
        boolean finite = Double.isFinite(value);
        return new SeriesSummary(1, value, value, finite ? new BigDecimal(value) : BigDecimal.ZERO,
                finite ? 0.0 : value, sample, sample.observedAt(), SeriesCitation.digestOf(sample.id()));
    }

    /** The summary of both sets (which must be disjoint). */
    public SeriesSummary plus(SeriesSummary other) {
        if (other.count == 0) {
            return this;
        }
        if (count == 0) {
            return other;
        }
        return new SeriesSummary(count + other.count, Math.min(min, other.min), Math.max(max, other.max),
                exactSum.add(other.exactSum), nonFinite + other.nonFinite,
                LATEST_ORDER.compare(latest, other.latest) >= 0 ? latest : other.latest,
                earliest.isBefore(other.earliest) ? earliest : other.earliest,
                digest.add(other.digest).mod(MODULUS));
    }

    /** The sum of the values: the exact sum rounded once to the nearest double. */
    public double sum() {
        return nonFinite != 0.0 ? nonFinite : exactSum.doubleValue();
    }

    /** The mean: the exact sum divided by the count to 34 significant digits, then to a double. */
    public double average() {
        if (count == 0) {
            return Double.NaN;
        }
        return nonFinite != 0.0 ? nonFinite
                : exactSum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128).doubleValue();
    }

    /** The digest in lower-case hex, 64 characters. */
    public String digestHex() {
        String hex = digest.toString(16);
        return "0".repeat(64 - hex.length()) + hex;
    }
}
