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
        return new SeriesSummary(1, value, value, finite ? exactly(value) : BigDecimal.ZERO,
                finite ? 0.0 : value, sample, sample.observedAt(), SeriesCitation.digestOf(sample.id()));
    }

    /** 5<sup>k</sup> for the negative binary exponents of finite doubles (up to 1074), computed once each. */
    private static final BigInteger[] POWERS_OF_FIVE = new BigInteger[1075];

    /**
     * {@code new BigDecimal(value)} — the same unscaled value and scale, so every sum, average and
     * rendering is unchanged — without its {@code BigInteger.valueOf(5).pow(k)} per call, which was most
     * of what a sample's summary allocated in a profiled burst: a double is {@code m·2^-k}, that is
     * {@code m·5^k / 10^k}, and the powers of five are kept.
     */
    static BigDecimal exactly(double value) {
        long bits = Double.doubleToLongBits(value);
        int exponent = (int) ((bits >> 52) & 0x7ffL);
        long significand = exponent == 0 ? (bits & ((1L << 52) - 1)) << 1 : (bits & ((1L << 52) - 1)) | (1L << 52);
        exponent -= 1075;
        if (significand == 0) {
            return new BigDecimal(value);
        }
        while ((significand & 1) == 0) {
            significand >>= 1;
            exponent++;
        }
        if (exponent >= 0) {
            return new BigDecimal(value);
        }
        BigInteger power = POWERS_OF_FIVE[-exponent];
        if (power == null) {
            // A benign race: two threads may both compute the same immutable value.
            power = BigInteger.valueOf(5).pow(-exponent);
            POWERS_OF_FIVE[-exponent] = power;
        }
        return new BigDecimal(power.multiply(BigInteger.valueOf(bits < 0 ? -significand : significand)), -exponent);
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
                modulo(digest.add(other.digest)));
    }

    /**
     * {@code sum mod 2^256}. A sum of two digests (each below 2^256) is below 2^257, where that is
     * clearing bit 256: no division and, mostly, no new number.
     */
    static BigInteger modulo(BigInteger sum) {
        if (sum.signum() >= 0 && sum.bitLength() <= 256) {
            return sum;
        }
        return sum.signum() >= 0 && sum.bitLength() == 257 ? sum.clearBit(256) : sum.mod(MODULUS);
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
