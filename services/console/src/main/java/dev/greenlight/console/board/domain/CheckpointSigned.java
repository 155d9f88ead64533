package dev.greenlight.console.board.domain;

import java.time.Instant;

/** The ledger signed a checkpoint of its Merkle tree. */
public record CheckpointSigned(String target, long treeSize, String rootHash, String publicKeyId, Instant at)
        implements ConsoleEvent {
}
