package dev.greenlight.ledger.verify;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 (section 2.1) Merkle tree hashing and proof generation over a list of leaf hashes.
 *
 * <p>The leaf input of a ledger entry is its 32-byte entryHash (not the whole canonical entry): the
 * entry hash already commits to every field, and a proof then needs only the entry hash, not the
 * entry. So {@code leafHash = SHA-256(0x00 || entryHash)} and {@code nodeHash = SHA-256(0x01 || left || right)}.
 * Trees whose size is not a power of two split at the largest power of two smaller than the size
 * (the RFC's MTH), which keeps every tree a prefix-consistent extension of the smaller ones.
 *
 * <p>Proof generation recomputes subtree hashes from the leaves (linear in the tree size); that is
 * for the query side. The writer keeps a {@link CompactRange} instead.
 */
public final class MerkleTree {

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleTree() {
    }

    /** {@code SHA-256(0x00 || leafInput)}. */
    public static byte[] leafHash(byte[] leafInput) {
        MessageDigest digest = Sha256.digest();
        digest.update(LEAF_PREFIX);
        return digest.digest(leafInput);
    }

    /** {@code SHA-256(0x00 || leafInput)} written to {@code out} at {@code offset}, without allocating. */
    static void leafHash(byte[] leafInput, byte[] out, int offset) {
        MessageDigest digest = Sha256.digest();
        digest.update(LEAF_PREFIX);
        digest.update(leafInput);
        finish(digest, out, offset);
    }

    /**
     * {@code SHA-256(0x01 || left || right)} of the two hashes at {@code in[from..from+64)}, written to
     * {@code out} at {@code offset} (which may overlap the input: it is read first).
     */
    static void nodeHash(byte[] in, int from, byte[] out, int offset) {
        MessageDigest digest = Sha256.digest();
        digest.update(NODE_PREFIX);
        digest.update(in, from, 2 * Sha256.LENGTH);
        finish(digest, out, offset);
    }

    private static void finish(MessageDigest digest, byte[] out, int offset) {
        try {
            digest.digest(out, offset, Sha256.LENGTH);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("SHA-256 writes 32 bytes", e);
        }
    }

    /** {@code SHA-256(0x01 || left || right)}. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = Sha256.digest();
        digest.update(NODE_PREFIX);
        digest.update(left);
        return digest.digest(right);
    }

    /** MTH of the tree with these leaf hashes; the empty tree's root is SHA-256 of nothing. */
    public static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return Sha256.of(new byte[0]);
        }
        return subtree(leafHashes, 0, leafHashes.size());
    }

    /** RFC 9162 section 2.1.3.1 PATH(m, D[n]): the inclusion proof of leaf {@code index} in the first {@code size} leaves. */
    public static List<byte[]> inclusionProof(List<byte[]> leafHashes, long index, long size) {
        checkSize(leafHashes, size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is outside a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(leafHashes, (int) index, 0, (int) size, proof);
        return proof;
    }

    /** RFC 9162 section 2.1.4.1 PROOF(m, D[n]): the consistency proof from tree size {@code first} to {@code second}. */
    public static List<byte[]> consistencyProof(List<byte[]> leafHashes, long first, long second) {
        checkSize(leafHashes, second);
        if (first < 1 || first > second) {
            throw new IllegalArgumentException("no consistency proof from size " + first + " to size " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(leafHashes, (int) first, 0, (int) second, true, proof);
        return proof;
    }

    private static void path(List<byte[]> leaves, int m, int from, int to, List<byte[]> proof) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(leaves, m, from, from + k, proof);
            proof.add(subtree(leaves, from + k, to));
        } else {
            path(leaves, m - k, from + k, to, proof);
            proof.add(subtree(leaves, from, from + k));
        }
    }

    private static void subproof(List<byte[]> leaves, int m, int from, int to, boolean complete, List<byte[]> proof) {
        int n = to - from;
        if (m == n) {
            if (!complete) {
                proof.add(subtree(leaves, from, to));
            }
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(leaves, m, from, from + k, complete, proof);
            proof.add(subtree(leaves, from + k, to));
        } else {
            subproof(leaves, m - k, from + k, to, false, proof);
            proof.add(subtree(leaves, from, from + k));
        }
    }

    static byte[] subtree(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return nodeHash(subtree(leaves, from, from + k), subtree(leaves, from + k, to));
    }

    /** The largest power of two strictly smaller than {@code n} (n at least 2). */
    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static void checkSize(List<byte[]> leafHashes, long size) {
        if (size < 1 || size > leafHashes.size()) {
            throw new IllegalArgumentException("tree size " + size + " is outside 1.." + leafHashes.size());
        }
    }
}
