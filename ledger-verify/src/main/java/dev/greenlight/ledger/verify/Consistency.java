package dev.greenlight.ledger.verify;

import java.util.Arrays;
import java.util.List;

/**
 * The one rule an auditor's saved checkpoint, the CLI's online check and a witness all apply: a
 * newer checkpoint is acceptable only if an RFC 9162 consistency proof shows its tree extends the
 * older one. The answer says how it failed, because "truncated" and "rewritten" call for different
 * questions to the operator.
 *
 * @param ok     whether the newer tree extends the older
 * @param kind   {@code CONSISTENT}, {@code TRUNCATED} (the newer tree is smaller) or {@code REWRITTEN}
 * @param detail one sentence for the auditor
 */
public record Consistency(boolean ok, String kind, String detail) {

    public static Consistency consistent(String detail) {
        return new Consistency(true, "CONSISTENT", detail);
    }

    public static Consistency truncated(String detail) {
        return new Consistency(false, "TRUNCATED", detail);
    }

    public static Consistency rewritten(String detail) {
        return new Consistency(false, "REWRITTEN", detail);
    }

    /** Checks that ({@code newSize}, {@code newRoot}) extends ({@code oldSize}, {@code oldRoot}) by {@code proof}. */
    public static Consistency check(long oldSize, byte[] oldRoot, long newSize, byte[] newRoot, List<byte[]> proof) {
        if (newSize < oldSize) {
            return truncated("the newer checkpoint covers " + newSize + " entries, fewer than the " + oldSize
                    + " of the older one: entries were removed");
        }
        if (oldSize == 0) {
            return consistent("every tree extends the empty tree");
        }
        if (oldSize == newSize) {
            return Arrays.equals(oldRoot, newRoot) ? consistent("same tree (size " + newSize + ")")
                    : rewritten("two different roots for tree size " + newSize + ": " + Sha256.hex(oldRoot) + " and "
                            + Sha256.hex(newRoot));
        }
        return MerkleProofs.verifyConsistency(oldSize, newSize, oldRoot, newRoot, proof)
                ? consistent("tree size " + newSize + " extends tree size " + oldSize)
                : rewritten("the consistency proof from tree size " + oldSize + " to " + newSize
                        + " does not verify: history before size " + oldSize + " was changed");
    }
}
