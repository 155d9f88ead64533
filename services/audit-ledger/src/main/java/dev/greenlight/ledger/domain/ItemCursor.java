package dev.greenlight.ledger.domain;

/**
 * Records read one at a time from a source too large to hold (a ledger partition, the checkpoint
 * topic): what the streaming verifier and exporter walk instead of a list.
 *
 * @param <T> what is read
 */
public interface ItemCursor<T> {

    boolean hasNext();

    T next();
}
