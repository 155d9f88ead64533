package dev.greenlight.ledger.verify;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * Verifies a whole ledger (docs/ledger.md, "Verification algorithm"): every payload against its
 * SHA-256, every entry hash, every chain link and sequence number, and every checkpoint's signature,
 * partition heads, tree size and Merkle root. Stops at the first break and names it, because
 * everything after a break is unverifiable anyway.
 *
 * <p>Verification is hashing, so the hashing runs on every core (docs/ledger.md §10): first the
 * per-entry hashes (payload, entry hash, leaf hash) in chunks, each entry on its own; then one cheap
 * sequential walk in tree order compares the chain links, sequences and checkpoint heads; then the
 * Merkle subtrees of 256 leaves are hashed in parallel and folded sequentially into the root at each
 * checkpoint. The verdict, including which break is reported first, does not depend on the number of
 * threads: every check is made, and the first failure chosen, in the order of section 5.
 *
 * <p>Memory beyond the input: 33 bytes per record (a status byte and the leaf hash) and 32 bytes per
 * checkpointed entry for the leaf hashes in tree order, which the report keeps ({@link VerifiedTree})
 * so a caller can check consistency with an earlier checkpoint without verifying again.
 */
public final class LedgerVerifier {

    /** Called every {@link #PROGRESS_EVERY} entries and at the end, always on the caller's thread. */
    @FunctionalInterface
    public interface Progress {
        void verified(long entries, long total);
    }

    static final int PROGRESS_EVERY = 1 << 16;

    /** Entries hashed per task: large enough that scheduling is noise, small enough to balance two cores. */
    private static final int CHUNK = 4096;

    /** Merkle subtrees of 2^8 = 256 leaves are hashed as one task. */
    private static final int BLOCK_HEIGHT = 8;
    private static final int BLOCK = 1 << BLOCK_HEIGHT;
    private static final int BLOCKS_PER_TASK = 16;

    private static final byte OK = 0;
    private static final byte FOREIGN = 1;
    private static final byte PAYLOAD_ALTERED = 2;
    private static final byte ENTRY_HASH_MISMATCH = 3;
    /**
     * Hashes fine and already known to extend the record before it in storage order (or genesis): the
     * walk accepts it without touching the entry again, which on a large ledger is a cache miss per field.
     */
    private static final byte LINKED = 4;
    private static final byte[] GENESIS = new byte[Sha256.LENGTH];

    private final LedgerKeyRing keys;
    private final Progress progress;
    private final int threads;

    /** @param threads hashing threads; 1 hashes on the caller's thread only */
    public LedgerVerifier(LedgerKeyRing keys, Progress progress, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.keys = keys;
        this.progress = progress;
        this.threads = threads;
    }

    /** Checkpoints verify with the key of the ring they name, signed inside its validity; hashes on every core. */
    public LedgerVerifier(LedgerKeyRing keys, Progress progress) {
        this(keys, progress, Runtime.getRuntime().availableProcessors());
    }

    public LedgerVerifier(LedgerKeyRing keys) {
        this(keys, (done, total) -> { });
    }

    /** One key, valid at all times. */
    public LedgerVerifier(PublicKey publicKey, Progress progress, int threads) {
        this(LedgerKeyRing.of(publicKey), progress, threads);
    }

    public LedgerVerifier(PublicKey publicKey, Progress progress) {
        this(LedgerKeyRing.of(publicKey), progress);
    }

    public LedgerVerifier(PublicKey publicKey) {
        this(LedgerKeyRing.of(publicKey));
    }

    /**
     * @param partitions  the records of each ledger partition (index = partition) in storage order
     * @param checkpoints checkpoints in publication order
     */
    public VerificationReport verify(List<List<LedgerItem>> partitions, List<Checkpoint> checkpoints) {
        return verify(partitions, checkpoints, null);
    }

    /**
     * @param checkpointLocations where each checkpoint was read (e.g. {@code line 12}), used as the
     *                            location of a failure found at it; null for {@code checkpoint k}
     */
    public VerificationReport verify(List<List<LedgerItem>> partitions, List<Checkpoint> checkpoints,
            List<String> checkpointLocations) {
        if (threads == 1) {
            return new Walk(partitions, checkpoints, checkpointLocations, null).run();
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return new Walk(partitions, checkpoints, checkpointLocations, pool).run();
        } finally {
            pool.shutdownNow();
        }
    }

    private final class Walk {
        private final List<List<LedgerItem>> partitions;
        private final List<Checkpoint> checkpoints;
        private final List<String> checkpointLocations;
        private final ForkJoinPool pool;
        private final int[] index;
        private final long[] expected;
        private final long total;
        private byte[][] status;
        private byte[][] leaves;
        /** Leaf hashes in tree order, 32 bytes each. */
        private byte[] tree = new byte[0];
        private int treeSize;
        private long entries;
        private long progressed;
        /** Per walked checkpoint: tree size, entries, partition sizes when its heads were reached. */
        private final List<long[]> walked = new ArrayList<>();

        Walk(List<List<LedgerItem>> partitions, List<Checkpoint> checkpoints, List<String> checkpointLocations,
                ForkJoinPool pool) {
            this.partitions = partitions;
            this.checkpoints = checkpoints;
            this.checkpointLocations = checkpointLocations;
            this.pool = pool;
            this.index = new int[partitions.size()];
            this.expected = new long[partitions.size()];
            this.total = partitions.stream().mapToLong(List::size).sum();
        }

        VerificationReport run() {
            hashEntries();
            Failure failure = null;
            for (int k = 0; k < checkpoints.size() && failure == null; k++) {
                failure = checkpoint(k, checkpoints.get(k));
            }
            // A break found on the way to a checkpoint's heads leaves that checkpoint's partial leaves in the tree.
            long inTree = failure != null ? treeSize : walked.isEmpty() ? 0 : walked.get(walked.size() - 1)[0];
            for (int p = 0; p < partitions.size() && failure == null; p++) {
                while (index[p] < partitions.get(p).size() && failure == null) {
                    failure = next(p, false);
                }
            }
            // The roots of the checkpoints walked so far: a wrong root comes before any later break.
            List<TreeHead> heads = new ArrayList<>();
            CompactRange range = new CompactRange();
            byte[] blocks = hashBlocks(walked.isEmpty() ? 0 : (int) walked.get(walked.size() - 1)[0]);
            for (int c = 0; c < walked.size(); c++) {
                long[] at = walked.get(c);
                Checkpoint checkpoint = checkpoints.get(c);
                appendUpTo(range, blocks, at[0]);
                byte[] root = range.root();
                if (at[0] != checkpoint.treeSize() || !Arrays.equals(root, checkpoint.rootHash())) {
                    Failure wrongRoot = new Failure(Failure.Reason.CHECKPOINT_MISMATCH, -1, c, where(c, checkpoint),
                            "entries give tree size " + at[0] + " root " + Sha256.hex(root)
                                    + ", checkpoint says size " + checkpoint.treeSize() + " root "
                                    + Sha256.hex(checkpoint.rootHash()));
                    return report(wrongRoot, at[1], heads, at, at[1] - at[0]);
                }
                heads.add(new TreeHead(at[0], root));
            }
            long[] sizes = new long[partitions.size() + 2];
            System.arraycopy(expected, 0, sizes, 2, expected.length);
            return report(failure, entries, heads, sizes, entries - inTree);
        }

        private String where(int k, Checkpoint checkpoint) {
            String at = "checkpoint " + k + " (tree size " + checkpoint.treeSize() + ")";
            return checkpointLocations == null ? at : checkpointLocations.get(k);
        }

        /** Payload, entry and leaf hash of every entry, on all threads; progress on this one. */
        private void hashEntries() {
            status = new byte[partitions.size()][];
            leaves = new byte[partitions.size()][];
            List<int[]> chunks = new ArrayList<>();
            for (int p = 0; p < partitions.size(); p++) {
                int size = partitions.get(p).size();
                status[p] = new byte[size];
                leaves[p] = new byte[size * Sha256.LENGTH];
                for (int from = 0; from < size; from += CHUNK) {
                    chunks.add(new int[] {p, from, Math.min(size, from + CHUNK)});
                }
            }
            if (pool == null) {
                for (int[] chunk : chunks) {
                    hashChunk(chunk[0], chunk[1], chunk[2]);
                    hashed(chunk[2] - chunk[1]);
                }
                return;
            }
            List<Future<?>> futures = new ArrayList<>();
            for (int[] chunk : chunks) {
                futures.add(pool.submit(() -> hashChunk(chunk[0], chunk[1], chunk[2])));
            }
            for (int i = 0; i < futures.size(); i++) {
                join(futures.get(i));
                hashed(chunks.get(i)[2] - chunks.get(i)[1]);
            }
        }

        private void hashed(int count) {
            long before = progressed / PROGRESS_EVERY;
            progressed += count;
            if (progressed / PROGRESS_EVERY != before) {
                progress.verified(progressed, total);
            }
        }

        private void hashChunk(int p, int from, int to) {
            List<LedgerItem> items = partitions.get(p).subList(from, to);
            byte[] state = status[p];
            byte[] leaf = leaves[p];
            // One digest and one scratch buffer per chunk: nothing is allocated per entry.
            MessageDigest digest = Sha256.newDigest();
            byte[] payloadHash = new byte[Sha256.LENGTH];
            Entry previous = from > 0 && partitions.get(p).get(from - 1) instanceof LedgerItem.Recorded r
                    ? r.entry() : null;
            int i = from;
            for (LedgerItem item : items) {
                if (!(item instanceof LedgerItem.Recorded recorded)) {
                    state[i++] = FOREIGN;
                    previous = null;
                    continue;
                }
                Entry entry = recorded.entry();
                boolean linked = entry.ledgerPartition() == p && (i == 0
                        ? entry.sequence() == 0 && Arrays.equals(entry.previousHash(), GENESIS)
                        : previous != null && entry.sequence() == previous.sequence() + 1
                                && Arrays.equals(entry.previousHash(), previous.entryHash()));
                previous = entry;
                digest.update(entry.payload());
                digestInto(digest, payloadHash, 0);
                if (!Arrays.equals(payloadHash, entry.payloadSha256()) || !schemaIdMatches(entry)) {
                    state[i++] = PAYLOAD_ALTERED;
                    continue;
                }
                EntryEncoding.hashInto(entry, digest, payloadHash);
                if (!Arrays.equals(payloadHash, entry.entryHash())) {
                    state[i++] = ENTRY_HASH_MISMATCH;
                    continue;
                }
                digest.update((byte) 0);
                digest.update(entry.entryHash());
                digestInto(digest, leaf, i * Sha256.LENGTH);
                state[i++] = linked ? LINKED : OK;
            }
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
            futures.forEach(LedgerVerifier::join);
            return roots;
        }

        private void hashBlockRange(byte[] roots, int from, int to) {
            byte[] scratch = new byte[BLOCK * Sha256.LENGTH];
            for (int b = from; b < to; b++) {
                System.arraycopy(tree, b * BLOCK * Sha256.LENGTH, scratch, 0, scratch.length);
                for (int width = BLOCK; width > 1; width >>= 1) {
                    for (int j = 0; j < width / 2; j++) {
                        MerkleTree.nodeHash(scratch, 2 * j * Sha256.LENGTH, scratch, j * Sha256.LENGTH);
                    }
                }
                System.arraycopy(scratch, 0, roots, b * Sha256.LENGTH, Sha256.LENGTH);
            }
        }

        private void appendUpTo(CompactRange range, byte[] blockRoots, long size) {
            while (range.size() < size) {
                int at = (int) range.size();
                if (at % BLOCK == 0 && at + BLOCK <= size && (at >>> BLOCK_HEIGHT) * Sha256.LENGTH < blockRoots.length) {
                    int b = at >>> BLOCK_HEIGHT;
                    range.appendSubtree(Arrays.copyOfRange(blockRoots, b * Sha256.LENGTH, (b + 1) * Sha256.LENGTH),
                            BLOCK_HEIGHT);
                } else {
                    range.appendLeafHash(Arrays.copyOfRange(tree, at * Sha256.LENGTH, (at + 1) * Sha256.LENGTH));
                }
            }
        }

        /** Walks to the heads of checkpoint k; its tree size and root are checked afterwards. */
        private Failure checkpoint(int k, Checkpoint checkpoint) {
            String where = where(k, checkpoint);
            Optional<String> refusal = keys.refusal(checkpoint);
            if (refusal.isPresent()) {
                return new Failure(Failure.Reason.CHECKPOINT_SIGNATURE_INVALID, -1, k, where,
                        "checkpoint " + k + ": " + refusal.get());
            }
            for (PartitionHead head : checkpoint.heads()) {
                int p = head.partition();
                if (p < 0 || p >= partitions.size()) {
                    return new Failure(Failure.Reason.CHECKPOINT_MISMATCH, p, head.sequence(), where,
                            "checkpoint names ledger partition " + p + " which does not exist");
                }
                while (expected[p] <= head.sequence()) {
                    if (index[p] >= partitions.get(p).size()) {
                        return new Failure(Failure.Reason.MISSING_ENTRY, p, expected[p], where,
                                "checkpoint covers partition " + p + " up to sequence " + head.sequence()
                                        + " but the ledger ends before sequence " + expected[p]);
                    }
                    Failure failure = next(p, true);
                    if (failure != null) {
                        return failure;
                    }
                }
                if (expected[p] - 1 != head.sequence() || !Arrays.equals(lastHash(p), head.hash())) {
                    return new Failure(Failure.Reason.CHECKPOINT_MISMATCH, p, head.sequence(), where,
                            "partition " + p + " head differs from the checkpoint's");
                }
            }
            long[] at = new long[partitions.size() + 2];
            at[0] = treeSize;
            at[1] = entries;
            System.arraycopy(expected, 0, at, 2, expected.length);
            walked.add(at);
            return null;
        }

        /** Verifies the next record of partition p and advances; {@code inTree} adds it as a Merkle leaf. */
        private Failure next(int p, boolean inTree) {
            List<LedgerItem> items = partitions.get(p);
            int i = index[p];
            // LINKED: the record before it was accepted (the walk stops at the first failure), so it
            // passes every check below; only other records are looked at again.
            if (status[p][i] != LINKED) {
                LedgerItem item = items.get(i);
                if (item instanceof LedgerItem.Foreign foreign) {
                    return new Failure(Failure.Reason.FOREIGN_RECORD, p, expected[p], foreign.location(),
                            "not a ledger entry: " + foreign.why());
                }
                Entry entry = ((LedgerItem.Recorded) item).entry();
                Failure failure = check(p, entry, item.location(), items, status[p][i]);
                if (failure != null) {
                    return failure;
                }
            }
            index[p]++;
            expected[p]++;
            if (inTree) {
                if ((long) (treeSize + 1) * Sha256.LENGTH > tree.length) {
                    tree = Arrays.copyOf(tree, Math.max(1024 * Sha256.LENGTH, tree.length * 2));
                }
                System.arraycopy(leaves[p], i * Sha256.LENGTH, tree, treeSize * Sha256.LENGTH, Sha256.LENGTH);
                treeSize++;
            }
            entries++;
            return null;
        }

        private Failure check(int p, Entry entry, String location, List<LedgerItem> items, byte hashed) {
            long want = expected[p];
            if (entry.ledgerPartition() != p) {
                return new Failure(Failure.Reason.CHAIN_BREAK, p, want, location,
                        "entry of ledger partition " + entry.ledgerPartition() + " stored in partition " + p);
            }
            if (hashed == PAYLOAD_ALTERED) {
                return new Failure(Failure.Reason.PAYLOAD_ALTERED, p, entry.sequence(), location,
                        "payload of entry " + entry.position() + " does not match its payloadSha256 / schema id");
            }
            if (hashed == ENTRY_HASH_MISMATCH) {
                return new Failure(Failure.Reason.ENTRY_HASH_MISMATCH, p, entry.sequence(), location,
                        "fields of entry " + entry.position() + " do not hash to its entryHash");
            }
            if (entry.sequence() > want) {
                boolean later = items.subList(index[p] + 1, items.size()).stream()
                        .anyMatch(i -> i instanceof LedgerItem.Recorded r && r.entry().sequence() == want);
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
            if (!Arrays.equals(entry.previousHash(), lastHash(p))) {
                return new Failure(Failure.Reason.CHAIN_BREAK, p, want, location,
                        "previousHash of entry " + entry.position() + " is not the hash of entry " + p + "/"
                                + (want - 1));
            }
            return null;
        }

        /** The entryHash of the last accepted entry of p (all accepted records are entries). */
        private byte[] lastHash(int p) {
            return index[p] == 0 ? GENESIS
                    : ((LedgerItem.Recorded) partitions.get(p).get(index[p] - 1)).entry().entryHash();
        }

        /** @param at tree size, entries, then the size of each partition, as of the failure */
        private VerificationReport report(Failure failure, long verifiedEntries, List<TreeHead> heads, long[] at,
                long uncheckpointed) {
            progress.verified(verifiedEntries, total);
            TreeMap<Integer, Long> sizes = new TreeMap<>();
            for (int p = 0; p < partitions.size(); p++) {
                sizes.put(p, at[p + 2]);
            }
            long lastSize = heads.isEmpty() ? 0 : heads.get(heads.size() - 1).treeSize();
            return new VerificationReport(verifiedEntries, heads.size(), lastSize, uncheckpointed, sizes,
                    Optional.ofNullable(failure), new VerifiedTree(heads, tree, (int) lastSize));
        }
    }

    private static void digestInto(MessageDigest digest, byte[] out, int offset) {
        try {
            digest.digest(out, offset, Sha256.LENGTH);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("SHA-256 writes 32 bytes", e);
        }
    }

    private static void join(Future<?> future) {
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

    static boolean schemaIdMatches(Entry entry) {
        if (entry.undecodable()) {
            // The raw bytes could not be read as the wire format: nothing to match but the marker id.
            return entry.schemaId() == Entry.UNDECODABLE_SCHEMA_ID;
        }
        byte[] payload = entry.payload();
        if (payload.length < 5 || payload[0] != 0) {
            return false;
        }
        int id = ((payload[1] & 0xff) << 24) | ((payload[2] & 0xff) << 16) | ((payload[3] & 0xff) << 8)
                | (payload[4] & 0xff);
        return id == entry.schemaId();
    }
}
