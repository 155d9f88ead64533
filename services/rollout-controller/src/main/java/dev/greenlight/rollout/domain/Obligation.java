package dev.greenlight.rollout.domain;

import java.time.Instant;

/**
 * A debt a hotfix created. Kept until fulfilled so the status shows it, and reported once when it
 * becomes overdue.
 */
public record Obligation(ObligationKind kind, String version, Instant dueAt, boolean overdueReported,
                         boolean fulfilled) {

    Obligation reportedOverdue() {
        return new Obligation(kind, version, dueAt, true, fulfilled);
    }

    Obligation fulfil() {
        return new Obligation(kind, version, dueAt, overdueReported, true);
    }
}
