package dev.greenlight.ledger.domain;

import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.CompactRange;
import dev.greenlight.ledger.verify.PartitionHead;
import java.util.Arrays;
import java.util.List;

/**
 * Where the ledger writer can pick up without re-reading the ledger: its state right after a signed
 * checkpoint — the checkpoint's heads, its Merkle tree as a compact range (O(log n) hashes) — and where
 * that checkpoint and each head entry sit in their topics. Restarting from the whole ledger made a
 * start cost grow with history (every entry read, decoded and re-hashed); from a resume point it costs
 * the entries since the last checkpoint.
 *
 * <p>A resume point is a claim, not a trust anchor: the writer uses one only after checking it against
 * the signed checkpoint it names ({@link #matches}: same tree size, same root, same heads) and against
 * the head entries at the offsets it names; otherwise it restores from the beginning as before.
 *
 * @param checkpointOffset offset of the checkpoint in the checkpoint topic
 * @param treeSize         the checkpoint's tree size
 * @param peaks            the checkpoint's tree as {@link CompactRange#peaks()}, largest first
 * @param heads            the checkpoint's heads, one per ledger partition, in partition order
 * @param headOffsets      per ledger partition, the offset of its head entry; -1 for a chain still empty
 */
public record ResumePoint(long checkpointOffset, long treeSize, List<byte[]> peaks, List<PartitionHead> heads,
        long[] headOffsets) {

    public ResumePoint {
        peaks = List.copyOf(peaks);
        heads = List.copyOf(heads);
        headOffsets = headOffsets.clone();
        if (treeSize < 0 || Long.bitCount(treeSize) != peaks.size() || heads.size() != headOffsets.length) {
            throw new IllegalArgumentException("a tree of size " + treeSize + " has " + Long.bitCount(Math.max(0, treeSize))
                    + " peaks, not " + peaks.size() + "; " + heads.size() + " heads need as many offsets");
        }
        for (int p = 0; p < heads.size(); p++) {
            if (heads.get(p).partition() != p) {
                throw new IllegalArgumentException("heads must be in partition order, found " + heads.get(p).partition() + " at " + p);
            }
        }
    }

    /** The checkpoint's tree, continued from its peaks: each a perfect subtree, at the heights of the size's set bits. */
    public CompactRange tree() {
        CompactRange tree = new CompactRange();
        int next = 0;
        for (int height = 63; height >= 0; height--) {
            if ((treeSize & (1L << height)) != 0) {
                tree.appendSubtree(peaks.get(next++), height);
            }
        }
        return tree;
    }

    /** Whether {@code checkpoint} is the one this point claims to follow: same size, same root, same heads. */
    public boolean matches(Checkpoint checkpoint) {
        if (checkpoint == null || checkpoint.treeSize() != treeSize || !Arrays.equals(checkpoint.rootHash(), tree().root())
                || checkpoint.heads().size() != heads.size()) {
            return false;
        }
        for (int i = 0; i < heads.size(); i++) {
            PartitionHead theirs = checkpoint.heads().get(i);
            PartitionHead ours = heads.get(i);
            if (theirs.partition() != ours.partition() || theirs.sequence() != ours.sequence()
                    || !Arrays.equals(theirs.hash(), ours.hash())) {
                return false;
            }
        }
        return true;
    }

    public long headOffset(int partition) {
        return headOffsets[partition];
    }

    @Override
    public long[] headOffsets() {
        return headOffsets.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResumePoint that && checkpointOffset == that.checkpointOffset && treeSize == that.treeSize
                && Arrays.equals(headOffsets, that.headOffsets) && sameBytes(peaks, that.peaks)
                && heads.size() == that.heads.size() && matchesHeads(that.heads);
    }

    private boolean matchesHeads(List<PartitionHead> others) {
        for (int i = 0; i < heads.size(); i++) {
            if (heads.get(i).sequence() != others.get(i).sequence() || !Arrays.equals(heads.get(i).hash(), others.get(i).hash())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameBytes(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(checkpointOffset) * 31 + Long.hashCode(treeSize);
    }

    @Override
    public String toString() {
        return "ResumePoint[checkpoint at " + checkpointOffset + ", tree size " + treeSize + ", head offsets "
                + Arrays.toString(headOffsets) + "]";
    }
}
