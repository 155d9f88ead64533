package dev.greenlight.ledger.verify;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The names a gate-decision attestation is recognised by, and the rule for its subject, in one place
 * for the ledger that signs attestations and the verifier that checks them (docs/ledger.md,
 * "Decision attestations").
 *
 * <p>The subject is what a deployer checks before deploying: its name is {@code target@version}; its
 * digest is the release's recorded revision when that is itself a digest — {@code sha256} for a
 * 64-hex-digit (optionally {@code sha256:}-prefixed) revision such as an image digest, {@code gitCommit}
 * for a 40-hex-digit commit — and otherwise the SHA-256 of the UTF-8 subject name, so the subject
 * always carries a digest (in-toto requires one) and anyone can recompute it from the release id.
 */
public final class AttestationFormat {

    /** DSSE payload type of every in-toto statement. */
    public static final String PAYLOAD_TYPE = "application/vnd.in-toto+json";
    /** in-toto Statement v1. */
    public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
    /** Our predicate: a gate decision, shaped after the SLSA verification summary (v1). */
    public static final String PREDICATE_TYPE = "https://greenlight.dev/attestation/gate-decision/v1";
    /** {@code verificationResult} of a GO; any other outcome is {@link #FAILED}. */
    public static final String PASSED = "PASSED";
    public static final String FAILED = "FAILED";

    private static final Pattern SHA256 = Pattern.compile("(sha256:)?[0-9a-f]{64}");
    private static final Pattern GIT_COMMIT = Pattern.compile("[0-9a-f]{40}");

    private AttestationFormat() {
    }

    /** {@code target@version}. */
    public static String subjectName(String target, String version) {
        return target + "@" + version;
    }

    /** The subject's digest set (see the class comment); {@code revision} may be null. */
    public static Map<String, String> subjectDigest(String target, String version, String revision) {
        String normalised = revision == null ? "" : revision.trim().toLowerCase(Locale.ROOT);
        if (SHA256.matcher(normalised).matches()) {
            return Map.of("sha256", normalised.substring(normalised.length() - 64));
        }
        if (GIT_COMMIT.matcher(normalised).matches()) {
            return Map.of("gitCommit", normalised);
        }
        return Map.of("sha256", Sha256.hex(Sha256.of(subjectName(target, version).getBytes(StandardCharsets.UTF_8))));
    }
}
