package dev.greenlight.ledger.index;

import dev.greenlight.ledger.verify.MerkleTree;
import dev.greenlight.ledger.verify.Sha256;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the index has read so far, stored under one key and written in the same batch as the records
 * it describes: per ledger partition the next Kafka offset to read and the head of the valid hash
 * chain, the checkpoint topic's next offset, and the Merkle tree's frontier (its size and the roots of
 * its perfect subtrees, O(log n)). A batch works on a copy, so a failed write leaves this untouched.
 */
final class IndexState {

    /** Nodes at or above this height are stored, so a proof reads at most 2^H leaves per level. */
    static final int STORED_NODE_HEIGHT = 4;

    final long[] nextOffset;
    final long[] expected;
    final byte[][] lastHash;
    final long[] covered;
    long checkpointOffset;
    long checkpoints;
    long entries;
    long treeSize;
    final List<byte[]> peaks;

    IndexState(int partitions) {
        nextOffset = new long[partitions];
        expected = new long[partitions];
        lastHash = new byte[partitions][];
        covered = new long[partitions];
        Arrays.fill(covered, -1);
        for (int p = 0; p < partitions; p++) {
            lastHash[p] = new byte[Sha256.LENGTH];
        }
        peaks = new ArrayList<>();
    }

    IndexState copy() {
        IndexState copy = new IndexState(nextOffset.length);
        System.arraycopy(nextOffset, 0, copy.nextOffset, 0, nextOffset.length);
        System.arraycopy(expected, 0, copy.expected, 0, expected.length);
        System.arraycopy(lastHash, 0, copy.lastHash, 0, lastHash.length);
        System.arraycopy(covered, 0, copy.covered, 0, covered.length);
        copy.checkpointOffset = checkpointOffset;
        copy.checkpoints = checkpoints;
        copy.entries = entries;
        copy.treeSize = treeSize;
        copy.peaks.addAll(peaks);
        return copy;
    }

    int partitions() {
        return nextOffset.length;
    }

    long chainLength() {
        return Arrays.stream(expected).sum();
    }

    /**
     * Appends a leaf to the frontier; returns the stored nodes it completes as (height, index, hash)
     * via {@code nodes}.
     */
    void appendLeaf(byte[] leafHash, NodeSink nodes) {
        long index = treeSize;
        nodes.node(0, index, leafHash);
        byte[] carry = leafHash;
        long merged = treeSize;
        int height = 0;
        while ((merged & 1) == 1) {
            carry = MerkleTree.nodeHash(peaks.remove(peaks.size() - 1), carry);
            merged >>>= 1;
            height++;
            if (height >= STORED_NODE_HEIGHT) {
                nodes.node(height, index >>> height, carry);
            }
        }
        peaks.add(carry);
        treeSize++;
    }

    @FunctionalInterface
    interface NodeSink {
        void node(int height, long index, byte[] hash);
    }

    byte[] encode() {
        int p = partitions();
        ByteBuffer buffer = ByteBuffer.allocate(4 + p * (8 + 8 + 32 + 8) + 8 * 4 + 4 + peaks.size() * 32);
        buffer.putInt(p);
        for (int i = 0; i < p; i++) {
            buffer.putLong(nextOffset[i]).putLong(expected[i]).put(lastHash[i]).putLong(covered[i]);
        }
        buffer.putLong(checkpointOffset).putLong(checkpoints).putLong(entries).putLong(treeSize);
        buffer.putInt(peaks.size());
        peaks.forEach(buffer::put);
        return buffer.array();
    }

    static IndexState decode(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        IndexState state = new IndexState(buffer.getInt());
        for (int i = 0; i < state.partitions(); i++) {
            state.nextOffset[i] = buffer.getLong();
            state.expected[i] = buffer.getLong();
            buffer.get(state.lastHash[i]);
            state.covered[i] = buffer.getLong();
        }
        state.checkpointOffset = buffer.getLong();
        state.checkpoints = buffer.getLong();
        state.entries = buffer.getLong();
        state.treeSize = buffer.getLong();
        int peaks = buffer.getInt();
        for (int i = 0; i < peaks; i++) {
            byte[] peak = new byte[Sha256.LENGTH];
            buffer.get(peak);
            state.peaks.add(peak);
        }
        return state;
    }
}
