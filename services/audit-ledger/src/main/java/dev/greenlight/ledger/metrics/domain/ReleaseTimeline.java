package dev.greenlight.ledger.metrics.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the ledger says happened to one release, each instant the earliest one recorded (null: not yet).
 *
 * @param target       the release target
 * @param version      the release version
 * @param registeredAt first {@code ReleaseRegistered}
 * @param exposedAt    first time the version had any traffic (a step started or applied above 0 %, or live)
 * @param liveAt       first time it ran at 100 % (applied or step completed) or its rollout completed
 * @param stoppedAt    first rollback or kill, if any
 */
public record ReleaseTimeline(String target, String version, Instant registeredAt, Instant exposedAt,
        Instant liveAt, Instant stoppedAt) {

    /** Registration to live, when both are known. */
    public Optional<Duration> leadTime() {
        return registeredAt == null || liveAt == null ? Optional.empty()
                : Optional.of(Duration.between(registeredAt, liveAt));
    }

    /** The release as {@code target@version}. */
    public String release() {
        return target + "@" + version;
    }
}
