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
    private final CompactRange tree;
    /** Entry hashes since the last checkpoint, per partition, in sequence order. */
    private final List<List<byte[]>> pending = new ArrayList<>();
    private long pendingCount;
    /** Where each partition's head was read from at restore ({@link LedgerItem#location()}); null once appended here. */
    private final String[] headLocations;
    /** Ledger records a restore walked (entries and anything else on the topic), for the start-up log. */
    private long recordsRead;

    public LedgerState(int partitions) {
        this(partitions, new CompactRange());
    }

    private LedgerState(int partitions, CompactRange tree) {
        this.partitions = partitions;
        this.tree = tree;
        this.heads = new ChainHead[partitions];
        this.headLocations = new String[partitions];
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
     * publication order. Holds O(partitions + log n) plus the entries not yet covered by a checkpoint, so
     * the writer restarts on a ledger of any length without loading it.
     *
     * <p>A checkpoint is built on only if it fits the chain as walked (checked here, where the entries are
     * at hand, so the streamed restore needs no second pass): every head names an existing partition at
     * most once, never moves back, lies on the valid chain — the chain reaches its sequence and the entry
     * there has the head's hash — and the tree size is the previous trusted size plus the entries the heads
     * add. Any other checkpoint is reported to {@code inconsistent} and skipped: the next one that fits
     * covers its entries. (Whether a checkpoint is signed by the ledger key is the caller's filter.)
     */
    public static LedgerState restore(List<? extends ItemCursor<LedgerItem>> partitions,
            ItemCursor<Checkpoint> checkpoints, Consumer<String> skipped, Consumer<Checkpoint> inconsistent) {
        int count = partitions.size();
        LedgerState state = new LedgerState(count);
        long[] covered = new long[count];
        java.util.Arrays.fill(covered, -1);
        byte[][] coveredHash = new byte[count][];
        java.util.Arrays.fill(coveredHash, new byte[32]);
        return state.walk(partitions, checkpoints, covered, coveredHash, skipped, inconsistent);
    }

    /**
     * The same state as {@link #restore(List, ItemCursor, Consumer, Consumer)} over the whole ledger, from
     * a resume point the caller has checked against the signed checkpoint it names ({@link ResumePoint#matches})
     * and against the head entries at its offsets: {@code partitions} hold each partition's records after its
     * head entry, {@code checkpoints} the checkpoints published after that one. The records before are not
     * read: what they contribute — each chain's head, the tree they form — is what the checkpoint signed.
     * So the cost is the entries since that checkpoint, whatever the ledger's length.
     */
    public static LedgerState resume(ResumePoint point, List<? extends ItemCursor<LedgerItem>> partitions,
            ItemCursor<Checkpoint> checkpoints, Consumer<String> skipped, Consumer<Checkpoint> inconsistent) {
        int count = partitions.size();
        if (point.heads().size() != count) {
            throw new IllegalArgumentException("a resume point of " + point.heads().size() + " partitions for " + count);
        }
        LedgerState state = new LedgerState(count, point.tree());
        long[] covered = new long[count];
        byte[][] coveredHash = new byte[count][];
        for (PartitionHead head : point.heads()) {
            int p = head.partition();
            state.heads[p] = new ChainHead(p, head.sequence() + 1, head.hash());
            covered[p] = head.sequence();
            coveredHash[p] = head.hash();
        }
        return state.walk(partitions, checkpoints, covered, coveredHash, skipped, inconsistent);
    }

    /**
     * Folds every checkpoint that fits the chains, then reads the chains to their ends: from an empty state
     * (a full restore) or from a checkpoint's (a resume), with {@code covered} the sequence each partition's
     * last trusted checkpoint covered and {@code coveredHash} the hash there.
     */
    private LedgerState walk(List<? extends ItemCursor<LedgerItem>> partitions, ItemCursor<Checkpoint> checkpoints,
            long[] covered, byte[][] coveredHash, Consumer<String> skipped, Consumer<Checkpoint> inconsistent) {
        int count = partitions.size();
        while (checkpoints.hasNext()) {
            Checkpoint checkpoint = checkpoints.next();
            if (fits(checkpoint, partitions, covered, coveredHash, skipped)) {
                fold(checkpoint, covered, coveredHash);
            } else {
                inconsistent.accept(checkpoint);
            }
        }
        for (int p = 0; p < count; p++) {
            for (Entry entry = nextInChain(p, partitions.get(p), skipped); entry != null;
                    entry = nextInChain(p, partitions.get(p), skipped)) {
                accept(entry);
            }
        }
        return this;
    }

    /** As above, reporting a checkpoint that does not fit the chain to {@code skipped} too. */
    public static LedgerState restore(List<? extends ItemCursor<LedgerItem>> partitions,
            ItemCursor<Checkpoint> checkpoints, Consumer<String> skipped) {
        return restore(partitions, checkpoints, skipped, checkpoint -> skipped.accept(
                "checkpoint of tree size " + checkpoint.treeSize() + " does not fit the chain"));
    }

    /**
     * Whether {@code checkpoint} extends the last trusted one along the valid chains; reads each chain on
     * (into {@link #pending}) as far as the checkpoint's heads need.
     */
    private boolean fits(Checkpoint checkpoint, List<? extends ItemCursor<LedgerItem>> partitions, long[] covered,
            byte[][] coveredHash, Consumer<String> skipped) {
        boolean[] named = new boolean[partitions.size()];
        long added = 0;
        for (PartitionHead head : checkpoint.heads()) {
            int p = head.partition();
            if (p < 0 || p >= partitions.size() || named[p] || head.sequence() < covered[p]) {
                return false;
            }
            named[p] = true;
            while (heads[p].nextSequence() - 1 < head.sequence()) {
                Entry entry = nextInChain(p, partitions.get(p), skipped);
                if (entry == null) {
                    return false;
                }
                accept(entry);
            }
            byte[] hashAtHead = head.sequence() == covered[p] ? coveredHash[p]
                    : pending.get(p).get((int) (head.sequence() - covered[p] - 1));
            if (!java.util.Arrays.equals(hashAtHead, head.hash())) {
                return false;
            }
            added += head.sequence() - covered[p];
        }
        return checkpoint.treeSize() == tree.size() + added;
    }

    /** Moves the entries {@code checkpoint} covers from {@link #pending} into the tree, in its heads' order. */
    private void fold(Checkpoint checkpoint, long[] covered, byte[][] coveredHash) {
        for (PartitionHead head : checkpoint.heads()) {
            int p = head.partition();
            List<byte[]> folded = pending.get(p).subList(0, (int) (head.sequence() - covered[p]));
            for (byte[] hash : folded) {
                tree.appendLeafHash(MerkleTree.leafHash(hash));
            }
            pendingCount -= folded.size();
            folded.clear();
            covered[p] = head.sequence();
            coveredHash[p] = head.hash();
        }
    }

    /** The next record of partition p that extends its valid chain (null at the end), reporting the others. */
    private Entry nextInChain(int p, ItemCursor<LedgerItem> records, Consumer<String> skipped) {
        while (records.hasNext()) {
            LedgerItem item = records.next();
            recordsRead++;
            ChainHead head = heads[p];
            if (item instanceof LedgerItem.Recorded recorded && recorded.entry().ledgerPartition() == p
                    && recorded.entry().sequence() == head.nextSequence()
                    && java.util.Arrays.equals(recorded.entry().previousHash(), head.lastHash())
                    && java.util.Arrays.equals(EntryEncoding.hash(recorded.entry()), recorded.entry().entryHash())) {
                headLocations[p] = item.location();
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
        headLocations[ledgerPartition] = null;
        return entry;
    }

    /**
     * Where partition p's head entry was read from by the restore ({@link LedgerItem#location()}); empty when
     * the chain is empty, its head was appended since, or a resume started from it without walking it.
     */
    public java.util.Optional<String> headLocation(int ledgerPartition) {
        return java.util.Optional.ofNullable(headLocations[ledgerPartition]);
    }

    /** Ledger records the restore that built this state read: every one after a full restore, those since the checkpoint after a resume. */
    public long recordsRead() {
        return recordsRead;
    }

    /** The Merkle tree of the checkpointed entries as its peaks ({@link CompactRange#peaks()}), for a {@link ResumePoint}. */
    public List<byte[]> treePeaks() {
        return tree.peaks();
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
