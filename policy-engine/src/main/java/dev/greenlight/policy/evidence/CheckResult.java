package dev.greenlight.policy.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One completed run of an automated check.
 *
 * @param details the run's structured details (text, boolean, number or list of texts per key,
 *                see {@link DetailValues}); empty when the run reported none
 */
public record CheckResult(String id, String name, CheckStatus status, String revision, Instant startedAt,
                          Instant completedAt, Map<String, Object> details) implements EvidenceItem {

    public CheckResult {
        details = DetailValues.copyOf(details);
    }

    /** A run without details. */
    public CheckResult(String id, String name, CheckStatus status, String revision, Instant startedAt,
                       Instant completedAt) {
        this(id, name, status, revision, startedAt, completedAt, Map.of());
    }

    public Duration runDuration() {
        return Duration.between(startedAt, completedAt);
    }
}
