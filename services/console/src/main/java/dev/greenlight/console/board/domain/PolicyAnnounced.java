package dev.greenlight.console.board.domain;

import java.time.Instant;

/** The gate announced a policy version it gates with, by content hash, with its text. */
public record PolicyAnnounced(String target, String name, String version, String contentHash, String content,
        Instant at) implements ConsoleEvent {
}
