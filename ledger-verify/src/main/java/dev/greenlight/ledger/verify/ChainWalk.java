package dev.greenlight.ledger.verify;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The one home of the whole-ledger verification rules (docs/ledger.md §5.1), over already-hashed
 * records ({@link ChainRecords}): in checkpoint order, each checkpoint's signature (with the key it
 * names, inside its validity), then each partition walked up to the checkpoint's head — foreign record,
 * payload, entry hash, sequence (gap or reordering), chain link — the head itself, tree size and root;
 * then the records after the last checkpoint. Stops at the first break and names it, because
 * everything after a break is unverifiable anyway. The list form and the streaming form of
 * {@link LedgerVerifier} both run this walk; they differ only in where the records come from and in
 * how the Merkle roots are computed:
 * <ul>
 *   <li>keeping the leaves (lists): every leaf hash in tree order is kept (the report's
 *       {@link VerifiedTree}); the roots are computed after the walk, 256-leaf subtrees on every core,
 *       and a wrong root is reported before any break found later in the walk — the verdict is the
 *       same as checking each root where it is reached;</li>
 *   <li>streaming: a {@link CompactRange}, each root checked where it is reached, O(log n) memory.</li>
 * </ul>
 */
final class ChainWalk {

    /** Merkle subtrees of 2^8 = 256 leaves are hashed as one task. */
    private static final int BLOCK_HEIGHT = 8;
    private static final int BLOCK = 1 << BLOCK_HEIGHT;
    private static final int BLOCKS_PER_TASK = 16;

    private final LedgerKeyRing keys;
    private final ChainRecords records;
    private final LedgerVerifier.Progress progress;
    /** Records in all partitions, -1 when unknown (streaming). */
    private final long total;
    private final ExecutorService pool;
    private final long[] expected;
    /** Leaf hashes in tree order, 32 bytes each; null when streaming. */
    private byte[] tree;
    private final CompactRange range;
    private int treeSize;
    private long entries;
    /** Tree size when the last checkpoint's heads were reached. */
    private long checkpointed;
    /** Keeping the leaves: per checkpoint walked, tree size, entries, partition sizes when its heads were reached. */
    private final List<long[]> walked = new ArrayList<>();
    private final List<Checkpoint> walkedCheckpoints = new ArrayList<>();
    private final List<String> walkedWhere = new ArrayList<>();
    /** The tree heads verified so far. */
    private final List<TreeHead> heads = new ArrayList<>();
    /** Checkpoint k's signature already checked against {@link #keys} (the refusal, or empty); null: check here. */
    private List<Optional<String>> refusals;

    /**
     * @param leafCapacity keeping the leaves: how many to make room for at once (grows if needed);
     *                     -1 to stream (no leaves kept)
     * @param pool         for the Merkle subtrees when keeping the leaves; null hashes on this thread
     */
    ChainWalk(LedgerKeyRing keys, ChainRecords records, LedgerVerifier.Progress progress, long total,
            int leafCapacity, ExecutorService pool) {
        this.keys = keys;
        this.records = records;
        this.progress = progress;
        this.total = total;
        this.pool = pool;
        this.expected = new long[records.partitions()];
        this.tree = leafCapacity < 0 ? null : new byte[leafCapacity * Sha256.LENGTH];
        this.range = leafCapacity < 0 ? new CompactRange() : null;
    }

    /**
     * The key ring's verdict on each checkpoint's signature ({@link LedgerKeyRing#refusal}), in checkpoint order,
     * already reached on other threads: the walk then uses it instead of verifying each signature itself.
     */
    ChainWalk signaturesChecked(List<Optional<String>> checked) {
        this.refusals = checked;
        return this;
    }

    /** @param locations where each checkpoint was read, for failure messages; null for {@code checkpoint k} */
    VerificationReport run(ItemCursor<Checkpoint> checkpoints, List<String> locations) {
        Failure failure = null;
        for (int k = 0; failure == null && checkpoints.hasNext(); k++) {
            Checkpoint checkpoint = checkpoints.next();
            String where = locations == null
                    ? "checkpoint " + k + " (tree size " + checkpoint.treeSize() + ")" : locations.get(k);
            failure = reachHeads(k, checkpoint, where);
            if (failure == null) {
                failure = reached(k, checkpoint, where);
            }
        }
        // A break found on the way to a checkpoint's heads leaves that checkpoint's partial leaves in the tree.
        long inTree = failure != null ? treeSize : checkpointed;
        for (int p = 0; p < expected.length && failure == null; p++) {
            while (failure == null && records.hasNext(p)) {
                failure = next(p, false);
            }
        }
        if (tree != null) {
            VerificationReport wrongRoot = checkWalkedRoots();
            if (wrongRoot != null) {
                return wrongRoot;
            }
        }
        return report(failure, entries, expected, entries - inTree);
    }

    /** Checkpoint k's heads were reached: its root is checked now (streaming) or after the walk. */
    private Failure reached(int k, Checkpoint checkpoint, String where) {
        checkpointed = treeSize;
        if (tree != null) {
            long[] at = new long[expected.length + 2];
            at[0] = treeSize;
            at[1] = entries;
            System.arraycopy(expected, 0, at, 2, expected.length);
            walked.add(at);
            walkedCheckpoints.add(checkpoint);
            walkedWhere.add(where);
            return null;
        }
        byte[] root = range.root();
        if (range.size() != checkpoint.treeSize() || !Arrays.equals(root, checkpoint.rootHash())) {
            return wrongRoot(k, where, checkpoint, range.size(), root);
        }
        heads.add(new TreeHead(range.size(), root));
        return null;
    }

    /** The roots of the checkpoints walked, in order: a wrong root comes before any later break. */
    private VerificationReport checkWalkedRoots() {
        CompactRange folded = new CompactRange();
        byte[] blocks = hashBlocks(walked.isEmpty() ? 0 : (int) walked.get(walked.size() - 1)[0]);
        for (int c = 0; c < walked.size(); c++) {
            long[] at = walked.get(c);
            Checkpoint checkpoint = walkedCheckpoints.get(c);
            appendUpTo(folded, blocks, at[0]);
            byte[] root = folded.root();
            if (at[0] != checkpoint.treeSize() || !Arrays.equals(root, checkpoint.rootHash())) {
                return report(wrongRoot(c, walkedWhere.get(c), checkpoint, at[0], root), at[1],
                        Arrays.copyOfRange(at, 2, at.length), at[1] - at[0]);
            }
            heads.add(new TreeHead(at[0], root));
        }
        return null;
    }

    private static Failure wrongRoot(int k, String where, Checkpoint checkpoint, long size, byte[] root) {
        return new Failure(Failure.Reason.CHECKPOINT_MISMATCH, -1, k, where,
                "entries give tree size " + size + " root " + Sha256.hex(root) + ", checkpoint says size "
                        + checkpoint.treeSize() + " root " + Sha256.hex(checkpoint.rootHash()));
    }

    /** Walks every partition checkpoint k names up to its head, which must then be the checkpoint's. */
    private Failure reachHeads(int k, Checkpoint checkpoint, String where) {
        Optional<String> refusal = refusals != null ? refusals.get(k) : keys.refusal(checkpoint);
        if (refusal.isPresent()) {
            return new Failure(Failure.Reason.CHECKPOINT_SIGNATURE_INVALID, -1, k, where,
                    "checkpoint " + k + ": " + refusal.get());
        }
        for (PartitionHead head : checkpoint.heads()) {
            int p = head.partition();
            if (p < 0 || p >= expected.length) {
                return new Failure(Failure.Reason.CHECKPOINT_MISMATCH, p, head.sequence(), where,
                        "checkpoint names ledger partition " + p + " which does not exist");
            }
            while (expected[p] <= head.sequence()) {
                if (!records.hasNext(p)) {
                    return new Failure(Failure.Reason.MISSING_ENTRY, p, expected[p], where,
                            "checkpoint covers partition " + p + " up to sequence " + head.sequence()
                                    + " but the ledger ends before sequence " + expected[p]);
                }
                Failure failure = next(p, true);
                if (failure != null) {
                    return failure;
                }
            }
            if (expected[p] - 1 != head.sequence() || !Arrays.equals(records.lastHash(p), head.hash())) {
                return new Failure(Failure.Reason.CHECKPOINT_MISMATCH, p, head.sequence(), where,
                        "partition " + p + " head differs from the checkpoint's");
            }
        }
        return null;
    }

    /** Verifies the next record of partition p and advances; {@code inTree} adds it as a Merkle leaf. */
    private Failure next(int p, boolean inTree) {
        byte hashed = records.next(p);
        // LINKED: the record before it was accepted (the walk stops at the first failure), so it passes
        // every check below; only other records are looked at again.
        if (hashed != EntryHasher.LINKED) {
            LedgerItem item = records.current(p);
            if (item instanceof LedgerItem.Foreign foreign) {
                return new Failure(Failure.Reason.FOREIGN_RECORD, p, expected[p], foreign.location(),
                        "not a ledger entry: " + foreign.why());
            }
            Failure failure = check(p, ((LedgerItem.Recorded) item).entry(), item.location(), hashed);
            if (failure != null) {
                return failure;
            }
        }
        records.accept(p);
        expected[p]++;
        if (inTree) {
            addLeaf(records.leaves(p), records.leafOffset(p));
        }
        entries++;
        if (total >= 0 && entries % LedgerVerifier.PROGRESS_EVERY == 0) {
            progress.verified(entries, total);
        }
        return null;
    }

    private void addLeaf(byte[] leaves, int offset) {
        if (tree == null) {
            range.appendLeafHash(Arrays.copyOfRange(leaves, offset, offset + Sha256.LENGTH));
        } else {
            if ((long) (treeSize + 1) * Sha256.LENGTH > tree.length) {
                tree = Arrays.copyOf(tree, Math.max(1024 * Sha256.LENGTH, tree.length * 2));
            }
            System.arraycopy(leaves, offset, tree, treeSize * Sha256.LENGTH, Sha256.LENGTH);
        }
        treeSize++;
    }

    private Failure check(int p, Entry entry, String location, byte hashed) {
        long want = expected[p];
        if (entry.ledgerPartition() != p) {
            return new Failure(Failure.Reason.CHAIN_BREAK, p, want, location,
                    "entry of ledger partition " + entry.ledgerPartition() + " stored in partition " + p);
        }
        if (hashed == EntryHasher.PAYLOAD_ALTERED) {
            return new Failure(Failure.Reason.PAYLOAD_ALTERED, p, entry.sequence(), location,
                    "payload of entry " + entry.position() + " does not match its payloadSha256 / schema id");
        }
        if (hashed == EntryHasher.ENTRY_HASH_MISMATCH) {
            return new Failure(Failure.Reason.ENTRY_HASH_MISMATCH, p, entry.sequence(), location,
                    "fields of entry " + entry.position() + " do not hash to its entryHash");
        }
        if (entry.sequence() > want) {
            boolean later = records.appearsLater(p, want);
            return new Failure(later ? Failure.Reason.REORDERED : Failure.Reason.MISSING_ENTRY, p, want,
                    location, later
                            ? "expected sequence " + want + " but found " + entry.sequence()
                                    + "; sequence " + want + " appears later"
                            : "sequence " + want + " is missing (next entry is " + entry.sequence() + ")");
        }
        if (entry.sequence() < want) {
            return new Failure(Failure.Reason.CHAIN_BREAK, p, want, location,
                    "sequence " + entry.sequence() + " repeats (expected " + want + ")");
        }
        if (!Arrays.equals(entry.previousHash(), records.lastHash(p))) {
            return new Failure(Failure.Reason.CHAIN_BREAK, p, want, location,
                    "previousHash of entry " + entry.position() + " is not the hash of entry " + p + "/"
                            + (want - 1));
        }
        return null;
    }

    /** The roots of the aligned 256-leaf subtrees of the first {@code size} tree leaves, on all threads. */
    private byte[] hashBlocks(int size) {
        int count = size >>> BLOCK_HEIGHT;
        byte[] roots = new byte[count * Sha256.LENGTH];
        if (pool == null) {
            hashBlockRange(roots, 0, count);
            return roots;
        }
        List<Future<?>> futures = new ArrayList<>();
        for (int from = 0; from < count; from += BLOCKS_PER_TASK) {
            int start = from;
            int end = Math.min(count, from + BLOCKS_PER_TASK);
            futures.add(pool.submit(() -> hashBlockRange(roots, start, end)));
        }
        for (Future<?> future : futures) {
            join(future);
        }
        return roots;
    }

    private void hashBlockRange(byte[] roots, int from, int to) {
        byte[] scratch = new byte[BLOCK * Sha256.LENGTH];
        MessageDigest digest = Sha256.newDigest();
        for (int b = from; b < to; b++) {
            System.arraycopy(tree, b * BLOCK * Sha256.LENGTH, scratch, 0, scratch.length);
            for (int width = BLOCK; width > 1; width >>= 1) {
                for (int j = 0; j < width / 2; j++) {
                    // SHA-256(0x01 || left || right), written over the left child (read first).
                    digest.update((byte) 1);
                    digest.update(scratch, 2 * j * Sha256.LENGTH, 2 * Sha256.LENGTH);
                    EntryHasher.digestInto(digest, scratch, j * Sha256.LENGTH);
                }
            }
            System.arraycopy(scratch, 0, roots, b * Sha256.LENGTH, Sha256.LENGTH);
        }
    }

    private void appendUpTo(CompactRange folded, byte[] blockRoots, long size) {
        while (folded.size() < size) {
            int at = (int) folded.size();
            if (at % BLOCK == 0 && at + BLOCK <= size && (at >>> BLOCK_HEIGHT) * Sha256.LENGTH < blockRoots.length) {
                int b = at >>> BLOCK_HEIGHT;
                folded.appendSubtree(Arrays.copyOfRange(blockRoots, b * Sha256.LENGTH, (b + 1) * Sha256.LENGTH),
                        BLOCK_HEIGHT);
            } else {
                folded.appendLeafHash(Arrays.copyOfRange(tree, at * Sha256.LENGTH, (at + 1) * Sha256.LENGTH));
            }
        }
    }

    /** @param sizes the size of each partition as of the result */
    private VerificationReport report(Failure failure, long verifiedEntries, long[] sizes, long uncheckpointed) {
        progress.verified(verifiedEntries, total < 0 ? verifiedEntries : total);
        TreeMap<Integer, Long> partitionSizes = new TreeMap<>();
        for (int p = 0; p < sizes.length; p++) {
            partitionSizes.put(p, sizes[p]);
        }
        long lastSize = heads.isEmpty() ? 0 : heads.get(heads.size() - 1).treeSize();
        VerifiedTree verified = tree == null ? new VerifiedTree(heads, new byte[0], 0)
                : new VerifiedTree(heads, tree, (int) lastSize);
        return new VerificationReport(verifiedEntries, heads.size(), lastSize, uncheckpointed, partitionSizes,
                Optional.ofNullable(failure), verified);
    }

    /** Waits for {@code future}; its failure is rethrown as it was thrown (unchecked), interruption kept. */
    static void join(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
