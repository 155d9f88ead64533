package dev.greenlight.ledger.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle root of an append-only tree in O(log n) memory and amortised O(1) hashing per leaf:
 * the roots of the perfect subtrees the tree decomposes into ("peaks", largest first). The writer
 * and the verifier use it so that a ledger of millions of entries never needs its leaves in memory
 * to compute a checkpoint root.
 *
 * <p>The RFC 9162 root of a size that is not a power of two is the right-to-left fold of the peaks
 * with the node hash, which is what {@link #root()} computes.
 */
public final class CompactRange {

    private final List<byte[]> peaks = new ArrayList<>();
    private long size;

    /** Appends a leaf by its leaf hash ({@link MerkleTree#leafHash}). */
    public void appendLeafHash(byte[] leafHash) {
        byte[] carry = leafHash;
        long merged = size;
        // Each trailing 1 bit of the old size is a peak of equal height that merges with the new one.
        while ((merged & 1) == 1) {
            carry = MerkleTree.nodeHash(peaks.remove(peaks.size() - 1), carry);
            merged >>>= 1;
        }
        peaks.add(carry);
        size++;
    }

    /**
     * Appends the root of a perfect subtree of {@code 2^height} leaves; the size must be a multiple of
     * that (an aligned subtree), which is how the verifier adds subtrees it hashed on other cores.
     */
    public void appendSubtree(byte[] subtreeRoot, int height) {
        long width = 1L << height;
        if (size % width != 0) {
            throw new IllegalArgumentException("a subtree of " + width + " leaves cannot start at " + size);
        }
        byte[] carry = subtreeRoot;
        long merged = size >>> height;
        while ((merged & 1) == 1) {
            carry = MerkleTree.nodeHash(peaks.remove(peaks.size() - 1), carry);
            merged >>>= 1;
        }
        peaks.add(carry);
        size += width;
    }

    public long size() {
        return size;
    }

    /**
     * The peaks, largest first: with {@link #size()} all a writer needs to continue this tree later
     * ({@link #appendSubtree} each peak, at the heights of {@code size}'s set bits, highest first)
     * without its leaves — what lets the ledger writer resume from a checkpoint instead of re-reading
     * the ledger.
     */
    public List<byte[]> peaks() {
        return peaks.stream().map(byte[]::clone).toList();
    }

    /** The MTH of all leaves appended so far. */
    public byte[] root() {
        if (peaks.isEmpty()) {
            return Sha256.of(new byte[0]);
        }
        byte[] root = peaks.get(peaks.size() - 1);
        for (int i = peaks.size() - 2; i >= 0; i--) {
            root = MerkleTree.nodeHash(peaks.get(i), root);
        }
        return root;
    }
}
