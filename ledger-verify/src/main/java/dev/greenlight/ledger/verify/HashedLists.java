package dev.greenlight.ledger.verify;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Ledger partitions held in lists, hashed in chunks of {@value #CHUNK} records: with a pool, every chunk
 * is queued at once, in about the order the walk needs them (chunk 0 of every partition, then chunk 1...),
 * and the walk on the caller's thread waits only for the chunk it reaches, so the sequential walk
 * overlaps the hashing instead of following it; without a pool each chunk is hashed on the caller's
 * thread when the walk reaches it. Memory beyond the lists: a status byte and a 32-byte leaf hash per
 * record.
 */
final class HashedLists implements ChainRecords {

    /** Records hashed per task: large enough that scheduling is noise, small enough to balance two cores. */
    static final int CHUNK = 4096;

    private final List<List<LedgerItem>> partitions;
    private final byte[][] status;
    private final byte[][] leaves;
    private final int[] next;
    private final int[] accepted;
    /** Per partition and chunk: the queued hashing, or null once waited for (or when there is no pool). */
    private final Future<?>[][] queued;
    private final EntryHasher hasher = new EntryHasher();

    HashedLists(List<List<LedgerItem>> partitions, ExecutorService pool) {
        this.partitions = partitions;
        int count = partitions.size();
        this.status = new byte[count][];
        this.leaves = new byte[count][];
        this.next = new int[count];
        this.accepted = new int[count];
        this.queued = new Future<?>[count][];
        int chunks = 0;
        for (int p = 0; p < count; p++) {
            int size = partitions.get(p).size();
            status[p] = new byte[size];
            leaves[p] = new byte[size * Sha256.LENGTH];
            queued[p] = new Future<?>[(size + CHUNK - 1) / CHUNK];
            chunks = Math.max(chunks, queued[p].length);
        }
        if (pool != null) {
            for (int c = 0; c < chunks; c++) {
                for (int p = 0; p < count; p++) {
                    if (c < queued[p].length) {
                        int partition = p;
                        int from = c * CHUNK;
                        queued[p][c] = pool.submit(() -> hashChunk(partition, from, new EntryHasher()));
                    }
                }
            }
        }
    }

    long total() {
        return Arrays.stream(status).mapToLong(s -> s.length).sum();
    }

    @Override
    public int partitions() {
        return partitions.size();
    }

    @Override
    public boolean hasNext(int p) {
        return next[p] < status[p].length;
    }

    @Override
    public byte next(int p) {
        int i = next[p]++;
        if (i % CHUNK == 0) {
            hashed(p, i / CHUNK);
        }
        return status[p][i];
    }

    private void hashed(int p, int chunk) {
        Future<?> task = queued[p][chunk];
        if (task == null) {
            hashChunk(p, chunk * CHUNK, hasher);
            return;
        }
        queued[p][chunk] = null;
        ChainWalk.join(task);
    }

    private void hashChunk(int p, int from, EntryHasher hasher) {
        List<LedgerItem> items = partitions.get(p);
        int to = Math.min(items.size(), from + CHUNK);
        byte[] state = status[p];
        byte[] leaf = leaves[p];
        Entry previous = from > 0 && items.get(from - 1) instanceof LedgerItem.Recorded r ? r.entry() : null;
        for (int i = from; i < to; i++) {
            if (!(items.get(i) instanceof LedgerItem.Recorded recorded)) {
                state[i] = EntryHasher.FOREIGN;
                previous = null;
                continue;
            }
            Entry entry = recorded.entry();
            boolean linked = entry.ledgerPartition() == p && (i == 0
                    ? entry.sequence() == 0 && Arrays.equals(entry.previousHash(), EntryHasher.GENESIS)
                    : previous != null && entry.sequence() == previous.sequence() + 1
                            && Arrays.equals(entry.previousHash(), previous.entryHash()));
            previous = entry;
            byte hashed = hasher.hash(entry, leaf, i * Sha256.LENGTH);
            state[i] = hashed == EntryHasher.OK && linked ? EntryHasher.LINKED : hashed;
        }
    }

    @Override
    public LedgerItem current(int p) {
        return partitions.get(p).get(next[p] - 1);
    }

    @Override
    public byte[] leaves(int p) {
        return leaves[p];
    }

    @Override
    public int leafOffset(int p) {
        return (next[p] - 1) * Sha256.LENGTH;
    }

    @Override
    public void accept(int p) {
        accepted[p]++;
    }

    @Override
    public byte[] lastHash(int p) {
        // Accepted records are the first ones, in order (the walk stops at the first failure).
        return accepted[p] == 0 ? EntryHasher.GENESIS
                : ((LedgerItem.Recorded) partitions.get(p).get(accepted[p] - 1)).entry().entryHash();
    }

    @Override
    public boolean appearsLater(int p, long sequence) {
        List<LedgerItem> items = partitions.get(p);
        return items.subList(next[p], items.size()).stream()
                .anyMatch(i -> i instanceof LedgerItem.Recorded r && r.entry().sequence() == sequence);
    }

}
