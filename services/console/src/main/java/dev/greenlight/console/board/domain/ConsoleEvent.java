package dev.greenlight.console.board.domain;

/**
 * A fact the console's projection folds, already translated from its Avro event: the domain sees
 * only what the board and the release page show, so the fold stays free of Kafka and Avro and can
 * be tested with plain values.
 */
public sealed interface ConsoleEvent permits ReleaseAnnounced, StageDecided, PersonActed, TrafficMoved,
        KillSwitchFlipped, HoldChanged, LedgerRecorded, CheckpointSigned, CheckpointCosigned, PolicyAnnounced {

    /** The target the fact is about (a pattern for holds, the ledger's key for checkpoints). */
    String target();
}
