package dev.greenlight.ledger.evidence.domain;

import java.time.Instant;

/**
 * A rollback, pause or abort of the release's rollout: a guard's {@code RollbackTriggered} (action,
 * guard, observed vs threshold) or a person's {@code RolloutAborted} ({@code by}); fields that the
 * event does not carry are null.
 */
public record RollbackItem(Instant at, String stage, String action, String guard, String by, String observed,
        String threshold, String reason, String restoredVersion, Source source) {
}
