package dev.greenlight.ledger.verify;

/**
 * Records read one at a time from a source too large to hold (a ledger partition on a topic, the
 * checkpoint topic): what {@link LedgerVerifier#verify(java.util.List, ItemCursor)} walks instead of a
 * list, so the service verifies online with the same rules as the offline verifier, never loading the
 * ledger.
 *
 * @param <T> what is read
 */
public interface ItemCursor<T> {

    boolean hasNext();

    T next();

    /** A list read once, in order. */
    static <T> ItemCursor<T> of(java.util.List<T> items) {
        java.util.Iterator<T> iterator = items.iterator();
        return new ItemCursor<>() {
            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public T next() {
                return iterator.next();
            }
        };
    }
}
