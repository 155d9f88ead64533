package dev.greenlight.ledger.verify;

import java.security.PublicKey;
import java.time.Instant;
import java.util.Objects;

/**
 * One public key of the ledger with the period in which it signed checkpoints. A key is retired by
 * giving it a {@code validUntil}: a checkpoint it signed at or after that instant is refused, so a
 * retired (possibly leaked, possibly discarded) key cannot vouch for new history.
 *
 * @param keyId      {@link Ed25519Keys#keyId} of {@code publicKey}; the name checkpoints carry
 * @param publicKey  the Ed25519 public key
 * @param validFrom  first instant it may sign (inclusive); null: since the ledger began
 * @param validUntil instant it stopped signing (exclusive); null: still signing
 * @param current    whether the ledger signs new checkpoints with it
 */
public record LedgerKey(String keyId, PublicKey publicKey, Instant validFrom, Instant validUntil, boolean current) {

    public LedgerKey {
        Objects.requireNonNull(publicKey, "publicKey");
        String actual = Ed25519Keys.keyId(publicKey);
        if (keyId == null) {
            keyId = actual;
        } else if (!keyId.equals(actual)) {
            throw new IllegalArgumentException("keyId " + keyId + " is not the id of its public key (" + actual + ")");
        }
        if (validFrom != null && validUntil != null && !validFrom.isBefore(validUntil)) {
            throw new IllegalArgumentException("key " + keyId + ": validFrom " + validFrom
                    + " is not before validUntil " + validUntil);
        }
    }

    /** A key with no validity bounds: what a single {@code --public-key} means. */
    public static LedgerKey unbounded(PublicKey publicKey) {
        return new LedgerKey(null, publicKey, null, null, true);
    }

    /** Whether a checkpoint signed at {@code signedAt} lies inside this key's validity. */
    public boolean validAt(Instant signedAt) {
        return (validFrom == null || !signedAt.isBefore(validFrom))
                && (validUntil == null || signedAt.isBefore(validUntil));
    }

    /** The validity as an auditor reads it, e.g. {@code [2026-01-01T00:00:00Z, 2026-06-01T00:00:00Z)}. */
    public String validity() {
        return "[" + (validFrom == null ? "-inf" : validFrom) + ", " + (validUntil == null ? "now" : validUntil) + ")";
    }
}
