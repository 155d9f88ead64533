package dev.greenlight.ledger.index;

import java.util.List;

/**
 * Told about each batch of newly committed ledger entries, in ledger order per partition, exactly once
 * per process: projections (such as the release metrics) fold them instead of re-reading the ledger.
 */
@FunctionalInterface
public interface LedgerListener {

    void appended(List<IndexedEvent> events);
}
