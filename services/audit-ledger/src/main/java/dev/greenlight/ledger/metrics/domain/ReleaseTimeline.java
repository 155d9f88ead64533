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

    /**
     * Registration to live, when both are known and in that order. A release recorded live before
     * it was registered is a clock fault (a deployer stamping with another clock than the
     * services), not a negative lead time: it has none, and {@link #clockFault()} says why.
     */
    public Optional<Duration> leadTime() {
        return registeredAt == null || liveAt == null || clockFault() ? Optional.empty()
                : Optional.of(Duration.between(registeredAt, liveAt));
    }

    /** Recorded live before it was registered: the stamps come from clocks that disagree. */
    public boolean clockFault() {
        return registeredAt != null && liveAt != null && liveAt.isBefore(registeredAt);
    }

    /** The release as {@code target@version}. */
    public String release() {
        return target + "@" + version;
    }
}
