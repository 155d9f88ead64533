package dev.greenlight.ledger.verify;

import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Verifies a whole ledger (docs/ledger.md, "Verification algorithm"): every payload against its
 * SHA-256, every entry hash, every chain link and sequence number, and every checkpoint's signature,
 * partition heads, tree size and Merkle root. Stops at the first break and names it, because
 * everything after a break is unverifiable anyway.
 *
 * <p>The rules live in one place, {@link ChainWalk}; this class chooses where the records come from.
 * The list form hashes on every core (docs/ledger.md §10): the per-entry hashes (payload, entry hash,
 * leaf hash) in chunks, each entry on its own, queued in the order the walk needs them, while the caller's
 * thread walks the chunks already hashed in tree order, comparing chain links, sequences and checkpoint
 * heads; then the Merkle subtrees of 256 leaves are hashed in parallel and folded sequentially into the
 * root at each checkpoint. The streaming form ({@link #verify(List, ItemCursor)}) reads each record
 * once from a cursor. The verdict, including which break is reported first, depends neither on the
 * number of threads nor on the form: every check is made, and the first failure chosen, in the order
 * of section 5.
 *
 * <p>Memory beyond the input, list form: 33 bytes per record (a status byte and the leaf hash) and 32
 * bytes per checkpointed entry for the leaf hashes in tree order, which the report keeps
 * ({@link VerifiedTree}) so a caller can check consistency with an earlier checkpoint without verifying
 * again. Streaming form: O(partitions + log n).
 */
public final class LedgerVerifier {

    /**
     * Called every {@link #PROGRESS_EVERY} entries walked and at the end, always on the caller's thread;
     * the streaming form, which cannot know the total, reports only at the end.
     */
    @FunctionalInterface
    public interface Progress {
        void verified(long entries, long total);
    }

    static final int PROGRESS_EVERY = 1 << 16;

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
        long total = partitions.stream().mapToLong(List::size).sum();
        // Room for the leaves the last checkpoint claims (never more than the records): no regrowing
        // copies of a large tree; a wrong claim only costs the growth.
        long claimed = checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1).treeSize();
        int capacity = (int) Math.max(0, Math.min(Math.min(claimed, total), Integer.MAX_VALUE / Sha256.LENGTH));
        if (threads == 1) {
            return new ChainWalk(keys, new HashedLists(partitions, null), progress, total, capacity, null)
                    .run(ItemCursor.of(checkpoints), checkpointLocations);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "ledger-verify");
            thread.setDaemon(true);
            return thread;
        });
        try {
            return new ChainWalk(keys, new HashedLists(partitions, pool), progress, total, capacity, pool)
                    .run(ItemCursor.of(checkpoints), checkpointLocations);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The same verification over cursors, for a ledger too large to hold (the service's online verify
     * over its topic): each record is read once, hashed on the caller's thread and dropped, so memory is
     * O(partitions + log n). The verdict, the failure named and the figures are those of the list form;
     * the report's tree has the verified heads but no leaves.
     *
     * @param partitions  a cursor over each ledger partition's records in storage order (index = partition)
     * @param checkpoints the checkpoints in publication order
     */
    public VerificationReport verify(List<? extends ItemCursor<LedgerItem>> partitions,
            ItemCursor<Checkpoint> checkpoints) {
        return new ChainWalk(keys, new StreamedRecords(partitions), progress, -1, -1, null).run(checkpoints, null);
    }
}
