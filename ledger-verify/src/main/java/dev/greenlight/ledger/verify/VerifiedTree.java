package dev.greenlight.ledger.verify;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * What a verification established about the ledger's Merkle tree, kept so a caller can go on from
 * it without re-reading the export: the tree head of every checkpoint that verified and, for a
 * whole-ledger export, the leaf hashes in tree order up to the last of them (so a consistency proof
 * to an earlier saved checkpoint can be computed or checked). An extract knows its checkpoints'
 * heads but not the leaves.
 */
public final class VerifiedTree {

    private static final VerifiedTree EMPTY = new VerifiedTree(List.of(), new byte[0], 0);

    private final List<TreeHead> checkpoints;
    private final byte[] leaves;
    private final int leafCount;

    VerifiedTree(List<TreeHead> checkpoints, byte[] leaves, int leafCount) {
        this.checkpoints = List.copyOf(checkpoints);
        this.leaves = leaves;
        this.leafCount = leafCount;
    }

    static VerifiedTree empty() {
        return EMPTY;
    }

    /** The tree head of each verified checkpoint, in publication order. */
    public List<TreeHead> checkpoints() {
        return checkpoints;
    }

    /** The last verified tree head, if any checkpoint verified. */
    public java.util.Optional<TreeHead> latest() {
        return checkpoints.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(checkpoints.get(checkpoints.size() - 1));
    }

    /** Number of leaf hashes known (0 for an extract). */
    public long leafCount() {
        return leafCount;
    }

    /** The leaf hashes in tree order, for {@link MerkleTree#root} and {@link MerkleTree#consistencyProof}. */
    public List<byte[]> leafHashes() {
        return new AbstractList<>() {
            @Override
            public byte[] get(int index) {
                if (index < 0 || index >= leafCount) {
                    throw new IndexOutOfBoundsException(index);
                }
                return Arrays.copyOfRange(leaves, index * Sha256.LENGTH, (index + 1) * Sha256.LENGTH);
            }

            @Override
            public int size() {
                return leafCount;
            }
        };
    }

    /** The root of the first {@code size} leaves (0 < size <= leafCount), computed in O(log n) memory. */
    public byte[] rootAt(long size) {
        if (size < 0 || size > leafCount) {
            throw new IllegalArgumentException("tree size " + size + " is outside 0.." + leafCount);
        }
        CompactRange range = new CompactRange();
        for (int i = 0; i < size; i++) {
            range.appendLeafHash(Arrays.copyOfRange(leaves, i * Sha256.LENGTH, (i + 1) * Sha256.LENGTH));
        }
        return range.root();
    }
}
