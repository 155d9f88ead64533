package dev.greenlight.ledger.evidence.domain;

import java.time.Instant;

/**
 * One deployment command of the release and what the deployer reported for it. The applied fields
 * are null while no {@code DeploymentApplied} for the command is recorded.
 */
public record DeploymentItem(String commandId, long sequence, int trafficPercent, String reason, Instant issuedAt,
        Source source, String appliedStatus, String appliedBy, String appliedMessage, Source appliedSource) {
}
