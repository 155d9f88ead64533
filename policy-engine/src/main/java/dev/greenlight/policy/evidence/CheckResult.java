package dev.greenlight.policy.evidence;

import java.time.Duration;
import java.time.Instant;

/** One completed run of an automated check. */
public record CheckResult(String id, String name, CheckStatus status, String revision, Instant startedAt,
                          Instant completedAt) implements EvidenceItem {

    public Duration runDuration() {
        return Duration.between(startedAt, completedAt);
    }
}
