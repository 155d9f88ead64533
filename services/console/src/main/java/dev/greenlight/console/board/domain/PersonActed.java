package dev.greenlight.console.board.domain;

import java.time.Instant;

/** A person approved, rejected, revoked or waived something about a release: who, in which role, when. */
public record PersonActed(String target, String version, String action, String role, String person,
        String subject, String comment, Instant at) implements ConsoleEvent {
}
