package dev.greenlight.console.board.domain;

import java.util.List;
import java.util.Optional;

/**
 * What the read model holds so far, as the partitioned projector needs it when it takes over a
 * partition: the stored state it folds on from, instead of reading the topics' history again.
 */
public interface ReadModelLookup {

    /** The stored release {@code target@version}. */
    Optional<ProjectedRelease> projected(String id);

    /** The stored releases of {@code target}. */
    List<ProjectedRelease> projectedOf(String target);

    /** Every stored release (for the age limit on finished ones). */
    List<ProjectedRelease> projectedAll();

    /** The stored ledger entries of {@code target}. */
    Optional<TargetLedger> targetLedger(String target);
}
