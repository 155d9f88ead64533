package dev.greenlight.ledger.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The records of a whole-ledger export as {@link ChainWalk} reads them, hashed where their lines were read:
 * the thread that scans a range of the file hashes each entry right away (payload, entry hash, leaf — while
 * its bytes are still in that core's cache) and marks it {@link EntryHasher#LINKED} when it extends the entry
 * on the line before it, and the file's ranges are assembled here in file order (docs/ledger.md §10, "Byte
 * ranges"). So the only sequential work per entry is appending it here and the walk's comparisons; the
 * rules are {@link ChainWalk}'s, unchanged. Per record: the entry (or the foreign record), its line number, a
 * status byte and its leaf hash; a record's {@link LedgerItem} (and its {@code line N} location) is made only
 * when the walk looks at it, i.e. for the first record of each range and for a failure.
 */
final class HashedExport implements ChainRecords {

    /** Hashing threw (an entry that cannot be encoded): the walk hashes it again where it reaches it, to throw there. */
    static final byte HASH_AGAIN = 5;

    private static final class Partition {
        /** {@link Entry} or {@link LedgerItem.Foreign}. */
        Object[] items = new Object[64];
        long[] lines = new long[64];
        byte[] status = new byte[64];
        byte[] leaves = new byte[64 * Sha256.LENGTH];
        int size;
        int next;
        int accepted;

        void add(Object item, long line, byte state, byte[] leafHashes, int leafOffset) {
            if (size == items.length) {
                int grown = 2 * size;
                items = Arrays.copyOf(items, grown);
                lines = Arrays.copyOf(lines, grown);
                status = Arrays.copyOf(status, grown);
                leaves = Arrays.copyOf(leaves, grown * Sha256.LENGTH);
            }
            items[size] = item;
            lines[size] = line;
            status[size] = state;
            if (leafHashes != null) {
                System.arraycopy(leafHashes, leafOffset, leaves, size * Sha256.LENGTH, Sha256.LENGTH);
            }
            size++;
        }
    }

    private final List<Partition> partitions = new ArrayList<>();
    private long total;

    /** Makes sure partitions {@code 0..count-1} exist (the header's count, so an empty partition is one). */
    void ensure(int count) {
        while (partitions.size() < count) {
            partitions.add(new Partition());
        }
    }

    /**
     * An entry of ledger partition {@code partition} (its own field, passed so the entry is not read here) read
     * at {@code line}, hashed to {@code state} with its leaf hash at {@code leaves[offset..]}.
     */
    void addEntry(int partition, Entry entry, long line, byte state, byte[] leaves, int offset) {
        partition(partition).add(entry, line, state, leaves, offset);
        total++;
    }

    void addForeign(int partition, LedgerItem.Foreign foreign) {
        partition(partition).add(foreign, 0, EntryHasher.FOREIGN, null, 0);
        total++;
    }

    private Partition partition(int partition) {
        int p = Math.max(partition, 0);
        ensure(p + 1);
        return partitions.get(p);
    }

    long total() {
        return total;
    }

    @Override
    public int partitions() {
        return partitions.size();
    }

    @Override
    public boolean hasNext(int p) {
        Partition partition = partitions.get(p);
        return partition.next < partition.size;
    }

    @Override
    public byte next(int p) {
        Partition partition = partitions.get(p);
        int i = partition.next++;
        byte state = partition.status[i];
        if (state == HASH_AGAIN) {
            state = new EntryHasher().hash((Entry) partition.items[i], partition.leaves, i * Sha256.LENGTH);
            partition.status[i] = state;
        }
        return state;
    }

    @Override
    public LedgerItem current(int p) {
        Partition partition = partitions.get(p);
        int i = partition.next - 1;
        return partition.items[i] instanceof Entry entry
                ? new LedgerItem.Recorded(entry, "line " + partition.lines[i]) : (LedgerItem.Foreign) partition.items[i];
    }

    @Override
    public byte[] leaves(int p) {
        return partitions.get(p).leaves;
    }

    @Override
    public int leafOffset(int p) {
        return (partitions.get(p).next - 1) * Sha256.LENGTH;
    }

    @Override
    public void accept(int p) {
        partitions.get(p).accepted++;
    }

    @Override
    public byte[] lastHash(int p) {
        // Accepted records are the first ones, in order (the walk stops at the first failure).
        Partition partition = partitions.get(p);
        return partition.accepted == 0 ? EntryHasher.GENESIS : ((Entry) partition.items[partition.accepted - 1])
                .entryHash();
    }

    @Override
    public boolean appearsLater(int p, long sequence) {
        Partition partition = partitions.get(p);
        for (int i = partition.next; i < partition.size; i++) {
            if (partition.items[i] instanceof Entry entry && entry.sequence() == sequence) {
                return true;
            }
        }
        return false;
    }
}
