package dev.greenlight.policy.evidence;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Optional;

/**
 * How a decision cites the samples of one metric it counted: the range, the count and a digest
 * instead of one id per sample, so a decision's size does not grow with a series' history. It is
 * written into the decision's evidence ids as one string,
 * {@code series/<after>/<until>/<count>/<digest>/<metric>} — {@code after} and {@code until} in
 * epoch milliseconds ({@code after} exclusive, {@code -} for unbounded; {@code until} inclusive),
 * the metric last because it is the only part that may contain a slash — so no event schema had
 * to change. A replay resolves it to the release's samples of {@code metric} observed in
 * {@code (after, until]} and checks their count and digest.
 *
 * @param after exclusive lower bound of observedAt; null for none
 * @param until inclusive upper bound of observedAt
 * @param digest see {@link SeriesSummary}: the sum mod 2^256 of SHA-256(id), 64 hex digits
 */
public record SeriesCitation(String metric, Instant after, Instant until, long count, String digest) {

    public static final String PREFIX = "series/";

    public static SeriesCitation of(String metric, Instant after, Instant until, SeriesSummary summary) {
        return new SeriesCitation(metric, after, until, summary.count(), summary.digestHex());
    }

    /** The evidence id this citation is written as. */
    public String id() {
        return PREFIX + (after == null ? "-" : Long.toString(after.toEpochMilli())) + "/" + until.toEpochMilli()
                + "/" + count + "/" + digest + "/" + metric;
    }

    /** The citation an evidence id denotes; empty when it is an ordinary event id. */
    public static Optional<SeriesCitation> parse(String evidenceId) {
        if (!evidenceId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = evidenceId.substring(PREFIX.length()).split("/", 5);
        if (parts.length != 5) {
            return Optional.empty();
        }
        try {
            Instant after = parts[0].equals("-") ? null : Instant.ofEpochMilli(Long.parseLong(parts[0]));
            return Optional.of(new SeriesCitation(parts[4], after, Instant.ofEpochMilli(Long.parseLong(parts[1])),
                    Long.parseLong(parts[2]), parts[3]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether a sample observed at {@code observedAt} lies in the cited range. */
    public boolean covers(Instant observedAt) {
        return !observedAt.isAfter(until) && (after == null || observedAt.isAfter(after));
    }

    /** One id's share of a digest: its SHA-256 as an unsigned 256-bit number. */
    public static BigInteger digestOf(String id) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
