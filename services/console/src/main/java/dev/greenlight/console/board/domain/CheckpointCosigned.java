package dev.greenlight.console.board.domain;

import java.time.Instant;

/** A witness cosigned the ledger checkpoint of {@code treeSize}. */
public record CheckpointCosigned(String target, long treeSize, String witnessKey, Instant at) implements ConsoleEvent {
}
