package dev.greenlight.ledger.verify;

import java.util.List;

/**
 * Ledger partitions read from cursors, each record hashed as it is read and then dropped: state is one
 * leaf hash and one last hash per partition, so a ledger of any length verifies in memory independent
 * of its history (the service's online verify over its topic, docs/ledger.md §5).
 */
final class StreamedRecords implements ChainRecords {

    private final List<? extends ItemCursor<LedgerItem>> cursors;
    private final LedgerItem[] current;
    private final byte[][] leaves;
    private final byte[][] lastHash;
    private final EntryHasher hasher = new EntryHasher();

    StreamedRecords(List<? extends ItemCursor<LedgerItem>> cursors) {
        this.cursors = cursors;
        this.current = new LedgerItem[cursors.size()];
        this.leaves = new byte[cursors.size()][Sha256.LENGTH];
        this.lastHash = new byte[cursors.size()][];
        java.util.Arrays.fill(lastHash, EntryHasher.GENESIS);
    }

    @Override
    public int partitions() {
        return cursors.size();
    }

    @Override
    public boolean hasNext(int p) {
        return cursors.get(p).hasNext();
    }

    @Override
    public byte next(int p) {
        LedgerItem item = cursors.get(p).next();
        current[p] = item;
        return item instanceof LedgerItem.Recorded recorded ? hasher.hash(recorded.entry(), leaves[p], 0)
                : EntryHasher.FOREIGN;
    }

    @Override
    public LedgerItem current(int p) {
        return current[p];
    }

    @Override
    public byte[] leaves(int p) {
        return leaves[p];
    }

    @Override
    public int leafOffset(int p) {
        return 0;
    }

    @Override
    public void accept(int p) {
        lastHash[p] = ((LedgerItem.Recorded) current[p]).entry().entryHash();
        current[p] = null;
    }

    @Override
    public byte[] lastHash(int p) {
        return lastHash[p];
    }

    @Override
    public boolean appearsLater(int p, long sequence) {
        ItemCursor<LedgerItem> cursor = cursors.get(p);
        while (cursor.hasNext()) {
            if (cursor.next() instanceof LedgerItem.Recorded r && r.entry().sequence() == sequence) {
                return true;
            }
        }
        return false;
    }
}
