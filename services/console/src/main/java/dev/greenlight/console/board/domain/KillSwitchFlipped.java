package dev.greenlight.console.board.domain;

import java.time.Instant;

/** A target's kill switch (or, when {@code target} is a pattern, the org-wide one) went on or off. */
public record KillSwitchFlipped(String target, boolean active, String by, String reason, Instant at)
        implements ConsoleEvent {
}
