package dev.greenlight.ledger.index;

import java.util.List;
import java.util.Set;

/**
 * Told about each batch of newly committed ledger entries, in ledger order per partition, exactly once
 * per process: projections (such as the release metrics) fold them instead of re-reading the ledger.
 * After a restart the index is on disk already, so a listener is first fed the stored entries of the
 * types it names ({@link #replayTypes}), read from the index one by one.
 */
@FunctionalInterface
public interface LedgerListener {

    void appended(List<IndexedEvent> events);

    /** Full Avro names of the events this listener folds; null: every type. */
    default Set<String> replayTypes() {
        return null;
    }
}
