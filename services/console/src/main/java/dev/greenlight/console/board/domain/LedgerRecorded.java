package dev.greenlight.console.board.domain;

import java.time.Instant;

/** The audit ledger recorded an event about a target at (partition, sequence). */
public record LedgerRecorded(String target, int partition, long sequence, String eventType, String sourceEventId,
        String entryHash, Instant at) implements ConsoleEvent {
}
