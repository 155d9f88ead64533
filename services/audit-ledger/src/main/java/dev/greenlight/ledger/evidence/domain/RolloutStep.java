package dev.greenlight.ledger.evidence.domain;

import java.time.Instant;

/** A rollout step of the release: when traffic moved to a stage, its soak, and when it completed. */
public record RolloutStep(String stage, int trafficPercent, Instant startedAt, Instant soakUntil,
        Instant completedAt, Source started, Source completed) {
}
