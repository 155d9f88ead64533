package dev.greenlight.ledger.verify;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * What no verifier of a ledger can beat on one thread: SHA-256 alone over exactly the messages
 * verification must hash, already in memory — each entry's payload, its canonical encoding, its
 * 33-byte leaf input, and one 65-byte Merkle node input per checkpointed leaf — with no parsing,
 * no encoding and no comparisons. Verification speed is reported as a fraction of this bound
 * (the ledger-verify {@code VerifyBenchmark} on synthetic ledgers, {@code greenlight bench} on the
 * running ledger's own entries), so the one definition lives here.
 */
public final class VerificationBound {

    private VerificationBound() {
    }

    /**
     * The messages verification hashes for these entries and a tree of {@code leaves} leaves. The
     * node inputs are synthetic (their content does not change SHA-256's speed), only their size is real.
     */
    public static byte[][] messages(List<Entry> entries, long leaves) {
        byte[][] messages = new byte[Math.toIntExact(3L * entries.size() + leaves)][];
        int m = 0;
        for (Entry entry : entries) {
            messages[m++] = entry.payload();
            messages[m++] = EntryEncoding.encode(entry);
            byte[] leaf = new byte[1 + Sha256.LENGTH];
            System.arraycopy(entry.entryHash(), 0, leaf, 1, Sha256.LENGTH);
            messages[m++] = leaf;
        }
        for (long i = 0; i < leaves; i++) {
            byte[] node = new byte[1 + 2 * Sha256.LENGTH];
            node[0] = 1;
            node[(int) (i % 64) + 1] = (byte) i;
            messages[m++] = node;
        }
        return messages;
    }

    /** One MessageDigest over every message in turn; returns the last digest so the work cannot be elided. */
    public static byte[] hashAll(byte[][] messages) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        byte[] out = new byte[Sha256.LENGTH];
        for (byte[] message : messages) {
            digest.update(message);
            try {
                digest.digest(out, 0, out.length);
            } catch (java.security.DigestException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
