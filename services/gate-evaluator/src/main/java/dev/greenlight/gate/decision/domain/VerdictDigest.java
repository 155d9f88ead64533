package dev.greenlight.gate.decision.domain;

import dev.greenlight.policy.engine.CriterionStatus;
import dev.greenlight.policy.engine.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A compact fingerprint of what a reader of the live view sees in a decision: the outcome, the
 * policy, each criterion's status and observed value, and the missing list. The gate keeps this
 * (32 hex characters) per release and stage instead of the last decision, and records a new decision
 * whenever it changes — so a second of three sign-offs is recorded at once even though the release
 * is still on HOLD, and the trail shows when each criterion was met.
 *
 * <p>Not in it: reasons and evidence ids (they change with every sample of a metric whose value
 * stays put), and the age of a check's latest run ("latest PASS 3h ago"), which is the evaluation
 * instant rendered, not an observation: time alone never records a decision except at a
 * {@code nextChangeAt}.
 */
public final class VerdictDigest {

    /** The age clause of a check's observed text, e.g. " 3h ago" in "2 of 2 PASS, latest PASS 3h ago". */
    private static final Pattern AGE = Pattern.compile(" \\d+[hm] ago$");

    /** One criterion as the digest reads it. */
    public record Item(String name, CriterionStatus status, String observed) {
    }

    private VerdictDigest() {
    }

    public static String of(Outcome outcome, String policyHash, List<Item> criteria, List<String> missing) {
        StringBuilder text = new StringBuilder(256).append(outcome).append('\n').append(policyHash).append('\n');
        for (Item item : criteria) {
            text.append(item.name()).append('\u0000').append(item.status()).append('\u0000')
                    .append(item.observed() == null ? "\u0001" : AGE.matcher(item.observed()).replaceFirst(""))
                    .append('\n');
        }
        text.append('\u0002');
        for (String m : missing) {
            text.append(m).append('\n');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
