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
 * written into the decision's evidence ids as one string — the metric last because it is the only
 * part that may contain a slash — so no event schema had to change:
 * <ul>
 *   <li>{@code series@<partition>:<offset>/<after>/<until>/<count>/<digest>/<metric>} (current): the
 *       samples of {@code metric} observed in {@code (after, until]} that had arrived by
 *       {@code offset} of that partition of the metrics topic ({@link SourceOffset}) — exactly the
 *       ones the gate had when it decided, so a sample arriving later inside the window does not
 *       make the decision unreplayable;</li>
 *   <li>{@code series/<after>/<until>/<count>/<digest>/<metric>} (the first form, still read): every
 *       sample of {@code metric} observed in {@code (after, until]}.</li>
 * </ul>
 * {@code after} and {@code until} are epoch milliseconds ({@code after} exclusive, {@code -} for
 * unbounded; {@code until} inclusive). A replay resolves a citation to the release's samples so
 * selected and checks their count and digest. A reader that knows only the first form treats the
 * current one as an unknown evidence id, so it reports such a decision unreplayable, never different.
 *
 * @param after   exclusive lower bound of observedAt; null for none
 * @param until   inclusive upper bound of observedAt
 * @param digest  see {@link SeriesSummary}: the sum mod 2^256 of SHA-256(id), 64 hex digits
 * @param through the highest metrics-topic position the gate had consumed of the target; null in the first form
 */
public record SeriesCitation(String metric, Instant after, Instant until, long count, String digest,
                             SourceOffset through) {

    /** The prefix of the first form. */
    public static final String PREFIX = "series/";
    /** The prefix of the current form, followed by {@code <partition>:<offset>/}. */
    public static final String THROUGH_PREFIX = "series@";

    /** A citation of the first form (no arrival bound). */
    public SeriesCitation(String metric, Instant after, Instant until, long count, String digest) {
        this(metric, after, until, count, digest, null);
    }

    public static SeriesCitation of(String metric, Instant after, Instant until, SeriesSummary summary) {
        return of(metric, after, until, summary, null);
    }

    /** A citation of what had arrived by {@code through} (null: the first form). */
    public static SeriesCitation of(String metric, Instant after, Instant until, SeriesSummary summary,
                                    SourceOffset through) {
        return new SeriesCitation(metric, after, until, summary.count(), summary.digestHex(), through);
    }

    /** The evidence id this citation is written as. */
    public String id() {
        return (through == null ? PREFIX : THROUGH_PREFIX + through + "/")
                + (after == null ? "-" : Long.toString(after.toEpochMilli())) + "/" + until.toEpochMilli()
                + "/" + count + "/" + digest + "/" + metric;
    }

    /** The citation an evidence id denotes; empty when it is an ordinary event id. */
    public static Optional<SeriesCitation> parse(String evidenceId) {
        String rest;
        SourceOffset through = null;
        try {
            if (evidenceId.startsWith(PREFIX)) {
                rest = evidenceId.substring(PREFIX.length());
            } else if (evidenceId.startsWith(THROUGH_PREFIX)) {
                int slash = evidenceId.indexOf('/', THROUGH_PREFIX.length());
                if (slash < 0) {
                    return Optional.empty();
                }
                through = SourceOffset.parse(evidenceId.substring(THROUGH_PREFIX.length(), slash));
                rest = evidenceId.substring(slash + 1);
            } else {
                return Optional.empty();
            }
            String[] parts = rest.split("/", 5);
            if (parts.length != 5) {
                return Optional.empty();
            }
            Instant after = parts[0].equals("-") ? null : Instant.ofEpochMilli(Long.parseLong(parts[0]));
            return Optional.of(new SeriesCitation(parts[4], after, Instant.ofEpochMilli(Long.parseLong(parts[1])),
                    Long.parseLong(parts[2]), parts[3], through));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether a sample observed at {@code observedAt} lies in the cited range. */
    public boolean covers(Instant observedAt) {
        return !observedAt.isAfter(until) && (after == null || observedAt.isAfter(after));
    }

    /**
     * Whether a sample read at {@code position} (null: not known) counts for this citation: always
     * for the first form, else only when it had arrived by {@link #through}.
     */
    public boolean arrivedBy(SourceOffset position) {
        return through == null || through.includes(position);
    }

    /**
     * One id's share of a digest: its SHA-256 as an unsigned 256-bit number. Every metric sample the gate
     * takes is digested once, so the digest instance is kept per thread ({@code MessageDigest} is not
     * thread-safe; {@code getInstance} looks the provider up and allocates anew on every call, a tenth
     * of the gate's per-sample summary work in a profiled burst). {@code digest} resets it.
     */
    public static BigInteger digestOf(String id) {
        return new BigInteger(1, SHA_256.get().digest(id.getBytes(StandardCharsets.UTF_8)));
    }

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    });
}
