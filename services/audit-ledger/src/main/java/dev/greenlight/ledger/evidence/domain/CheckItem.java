package dev.greenlight.ledger.evidence.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latest recorded report of one check: Gate5's "CI run URLs for required governance checks" and
 * "command output summaries per lane". {@code url} and {@code summary} are null when not reported;
 * {@code details} holds the run's structured details (e.g. the replay gate's id, decision,
 * mergeBlocked, releaseBlocked, gate statuses and reasons), empty when none were reported.
 */
public record CheckItem(String name, String status, String url, String summary, String revision,
        Instant completedAt, Source source, Map<String, Object> details) {

    public CheckItem {
        details = details == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(details));
    }

    /** A report without details. */
    public CheckItem(String name, String status, String url, String summary, String revision,
                     Instant completedAt, Source source) {
        this(name, status, url, summary, revision, completedAt, source, Map.of());
    }
}
