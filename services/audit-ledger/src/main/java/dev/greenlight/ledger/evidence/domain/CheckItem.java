package dev.greenlight.ledger.evidence.domain;

import java.time.Instant;

/**
 * The latest recorded report of one check: Gate5's "CI run URLs for required governance checks" and
 * "command output summaries per lane". {@code url} and {@code summary} are null when not reported.
 */
public record CheckItem(String name, String status, String url, String summary, String revision,
        Instant completedAt, Source source) {
}
