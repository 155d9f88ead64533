package dev.greenlight.ledger.domain;

import dev.greenlight.ledger.verify.ItemCursor;
import dev.greenlight.ledger.verify.EntryEncoding;
import dev.greenlight.ledger.verify.LedgerItem;
import java.util.function.Consumer;
import dev.greenlight.ledger.verify.PartitionHead;
import dev.greenlight.ledger.verify.MerkleTree;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.CompactRange;
import dev.greenlight.ledger.verify.CheckpointSigner;
import dev.greenlight.ledger.verify.Checkpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * What the single ledger writer must remember between appends: the chain head of every ledger
 * partition, the Merkle tree of all checkpointed entries (as a {@link CompactRange}) and the entry
 * hashes appended since the last checkpoint. It is rebuilt from the ledger and checkpoint topics on
 * start ({@link #restore}), so nothing outside Kafka's transactions holds ledger state.
 */
public final class LedgerState {

    private final int partitions;
    private final ChainHead[] heads;
    private final CompactRange tree = new CompactRange();
    /** Entry hashes since the last checkpoint, per partition, in sequence order. */
    private final List<List<byte[]>> pending = new ArrayList<>();
    private long pendingCount;

    public LedgerState(int partitions) {
        this.partitions = partitions;
        this.heads = new ChainHead[partitions];
        for (int p = 0; p < partitions; p++) {
            heads[p] = ChainHead.empty(p);
            pending.add(new ArrayList<>());
        }
    }

    /**
     * The state after the given history: {@code entries} per partition in sequence order (already
     * verified or trusted), {@code checkpoints} in publication order.
     */
    public static LedgerState restore(int partitions, List<List<Entry>> entries, List<Checkpoint> checkpoints) {
        LedgerState state = new LedgerState(partitions);
        for (List<Entry> chain : entries) {
            for (Entry entry : chain) {
                state.accept(entry);
            }
        }
        // Re-fold the checkpointed prefix into the tree in checkpoint order, as the writer did.
        state.pending.forEach(List::clear);
        state.pendingCount = 0;
        long[] covered = new long[partitions];
        java.util.Arrays.fill(covered, -1);
        for (Checkpoint checkpoint : checkpoints) {
            for (PartitionHead head : checkpoint.heads()) {
                List<Entry> chain = entries.get(head.partition());
                for (long s = covered[head.partition()] + 1; s <= head.sequence(); s++) {
                    state.tree.appendLeafHash(MerkleTree.leafHash(chain.get((int) s).entryHash()));
                }
                covered[head.partition()] = head.sequence();
            }
        }
        for (int p = 0; p < partitions; p++) {
            List<Entry> chain = entries.get(p);
            for (long s = covered[p] + 1; s < chain.size(); s++) {
                state.pending.get(p).add(chain.get((int) s).entryHash());
                state.pendingCount++;
            }
        }
        return state;
    }

    /**
     * The same state as {@link #restore(int, List, List)} over the same records, read one at a time: per
     * partition the records in storage order (only those extending the valid chain count, anything else
     * is reported to {@code skipped}, as {@link LedgerSnapshot#validChains} does), the checkpoints in
     * publication order. Holds O(partitions + log n) plus the entries after the last checkpoint, so the
     * writer restarts on a ledger of any length without loading it.
     */
    public static LedgerState restore(List<? extends ItemCursor<LedgerItem>> partitions,
            ItemCursor<Checkpoint> checkpoints, Consumer<String> skipped) {
        int count = partitions.size();
        LedgerState state = new LedgerState(count);
        long[] covered = new long[count];
        java.util.Arrays.fill(covered, -1);
        while (checkpoints.hasNext()) {
            for (PartitionHead head : checkpoints.next().heads()) {
                int p = head.partition();
                if (p < 0 || p >= count) {
                    continue;
                }
                for (long s = covered[p] + 1; s <= head.sequence(); s++) {
                    Entry entry = state.nextInChain(p, partitions.get(p), skipped);
                    if (entry == null) {
                        break;
                    }
                    state.heads[p] = ChainHead.after(entry);
                    state.tree.appendLeafHash(MerkleTree.leafHash(entry.entryHash()));
                }
                covered[p] = head.sequence();
            }
        }
        for (int p = 0; p < count; p++) {
            for (Entry entry = state.nextInChain(p, partitions.get(p), skipped); entry != null;
                    entry = state.nextInChain(p, partitions.get(p), skipped)) {
                state.accept(entry);
            }
        }
        return state;
    }

    /** The next record of partition p that extends its valid chain (null at the end), reporting the others. */
    private Entry nextInChain(int p, ItemCursor<LedgerItem> records, Consumer<String> skipped) {
        while (records.hasNext()) {
            LedgerItem item = records.next();
            ChainHead head = heads[p];
            if (item instanceof LedgerItem.Recorded recorded && recorded.entry().ledgerPartition() == p
                    && recorded.entry().sequence() == head.nextSequence()
                    && java.util.Arrays.equals(recorded.entry().previousHash(), head.lastHash())
                    && java.util.Arrays.equals(EntryEncoding.hash(recorded.entry()), recorded.entry().entryHash())) {
                return recorded.entry();
            }
            skipped.accept("not part of the chain of ledger partition " + p + ": " + item.location());
        }
        return null;
    }

    /** Appends the entry recording {@code event} to {@code ledgerPartition}'s chain. */
    public Entry append(int ledgerPartition, SourceEvent event, Instant recordedAt) {
        Entry entry = heads[ledgerPartition].append(event, recordedAt);
        accept(entry);
        return entry;
    }

    private void accept(Entry entry) {
        heads[entry.ledgerPartition()] = ChainHead.after(entry);
        pending.get(entry.ledgerPartition()).add(entry.entryHash());
        pendingCount++;
    }

    /** Entries appended since the last checkpoint. */
    public long pendingCount() {
        return pendingCount;
    }

    public long treeSize() {
        return tree.size();
    }

    /** Folds the pending entries into the tree (partition, then sequence order) and signs the result. */
    public Checkpoint checkpoint(CheckpointSigner signer) {
        for (List<byte[]> hashes : pending) {
            for (byte[] hash : hashes) {
                tree.appendLeafHash(MerkleTree.leafHash(hash));
            }
            hashes.clear();
        }
        pendingCount = 0;
        List<PartitionHead> covered = new ArrayList<>(partitions);
        for (ChainHead head : heads) {
            covered.add(head.asPartitionHead());
        }
        return signer.sign(tree.size(), tree.root(), covered);
    }

    public ChainHead head(int ledgerPartition) {
        return heads[ledgerPartition];
    }

    /** Heads by partition, for status output. */
    public TreeMap<Integer, Long> nextSequences() {
        TreeMap<Integer, Long> sequences = new TreeMap<>();
        for (ChainHead head : heads) {
            sequences.put(head.ledgerPartition(), head.nextSequence());
        }
        return sequences;
    }
}
