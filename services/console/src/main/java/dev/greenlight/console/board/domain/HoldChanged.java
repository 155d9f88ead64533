package dev.greenlight.console.board.domain;

import java.time.Instant;

/** A named hold (or a runtime freeze) on a target pattern was placed or lifted. */
public record HoldChanged(String target, String holdId, String name, boolean standing, String by, String reason,
        Instant at) implements ConsoleEvent {
}
