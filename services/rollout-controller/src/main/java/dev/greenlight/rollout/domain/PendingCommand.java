package dev.greenlight.rollout.domain;

import java.time.Instant;

/**
 * A deployment command the deployer has not acknowledged yet. Kept in state so the ack timeout
 * survives restarts and the alert is raised once.
 */
public record PendingCommand(long sequence, String commandId, String version, int traffic, Instant issuedAt,
                             boolean alerted) {

    PendingCommand markAlerted() {
        return new PendingCommand(sequence, commandId, version, traffic, issuedAt, true);
    }
}
