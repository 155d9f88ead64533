package dev.greenlight.console.board.domain;

import java.time.Instant;

/** A release candidate was registered (or registered again, e.g. with a new revision). */
public record ReleaseAnnounced(String target, String version, String type, String author, String revision,
        String policy, Instant at) implements ConsoleEvent {
}
