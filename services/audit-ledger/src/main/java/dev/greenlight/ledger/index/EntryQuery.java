package dev.greenlight.ledger.index;

import java.time.Instant;

/**
 * A ledger query: every criterion is optional (null), all given ones must hold.
 *
 * @param release a target ({@code ict-qm}: every entry keyed by it) or a release ({@code ict-qm@1.2.3}:
 *                the target's entries whose event names that version)
 * @param type    full ({@code dev.greenlight.events.GateDecided}) or simple ({@code GateDecided}) Avro name
 * @param from    earliest {@code recordedAt}, inclusive
 * @param to      latest {@code recordedAt}, exclusive
 * @param page    zero-based page number
 * @param size    entries per page, at least 1
 */
public record EntryQuery(String release, String type, Instant from, Instant to, int page, int size) {

    public EntryQuery {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from");
        }
    }

    /** The target part of {@link #release}. */
    String target() {
        int at = release.lastIndexOf('@');
        return at < 0 ? release : release.substring(0, at);
    }

    /** The version part of {@link #release}, or null when a whole target is asked for. */
    String version() {
        int at = release.lastIndexOf('@');
        return at < 0 ? null : release.substring(at + 1);
    }
}
