package dev.greenlight.ledger.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * The global leaf order of the ledger's Merkle tree (see {@link Checkpoint}): checkpoint by
 * checkpoint, the newly covered entries by ascending partition then sequence. Entries after the
 * last checkpoint are not in the tree yet.
 */
public final class TreeOrder {

    private TreeOrder() {
    }

    /** Checkpointed entries in leaf order; {@code entries} per partition in sequence order. */
    public static List<Entry> leaves(List<List<Entry>> entries, List<Checkpoint> checkpoints) {
        List<Entry> leaves = new ArrayList<>();
        long[] covered = new long[entries.size()];
        java.util.Arrays.fill(covered, -1);
        for (Checkpoint checkpoint : checkpoints) {
            for (PartitionHead head : checkpoint.heads()) {
                List<Entry> chain = entries.get(head.partition());
                for (long s = covered[head.partition()] + 1; s <= head.sequence() && s < chain.size(); s++) {
                    leaves.add(chain.get((int) s));
                }
                covered[head.partition()] = head.sequence();
            }
        }
        return leaves;
    }

    public static List<byte[]> leafHashes(List<Entry> leaves) {
        return leaves.stream().map(entry -> MerkleTree.leafHash(entry.entryHash())).toList();
    }
}
