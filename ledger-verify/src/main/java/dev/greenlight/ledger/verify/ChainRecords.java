package dev.greenlight.ledger.verify;

/**
 * The records of each ledger partition as {@link ChainWalk} reads them, already hashed by an
 * {@link EntryHasher}: from lists hashed on every core ({@link HashedLists}) or from cursors hashed as
 * they are read ({@link StreamedRecords}). The walk, and so every verification rule, is the same for both.
 */
interface ChainRecords {

    int partitions();

    boolean hasNext(int p);

    /** Reads the next record of partition p and returns its {@link EntryHasher} status. */
    byte next(int p);

    /** The record {@link #next} read (not needed, and not touched, for a {@link EntryHasher#LINKED} one). */
    LedgerItem current(int p);

    /** The array holding the leaf hash of the record {@link #next} read, if it hashed fine... */
    byte[] leaves(int p);

    /** ...and where in it. */
    int leafOffset(int p);

    /** The record {@link #next} read passed every check: it is now the partition's last accepted entry. */
    void accept(int p);

    /** The entryHash of the partition's last accepted entry, {@link EntryHasher#GENESIS} before the first. */
    byte[] lastHash(int p);

    /**
     * Whether an entry of partition p with this sequence comes after the current record (to tell a
     * reordering from a deletion); the walk stops right after, so the rest may be consumed.
     */
    boolean appearsLater(int p, long sequence);
}
