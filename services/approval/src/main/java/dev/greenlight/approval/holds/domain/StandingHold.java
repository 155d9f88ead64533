package dev.greenlight.approval.holds.domain;

import java.time.Instant;

/**
 * A hold as the approval service knows it from the holds topic: who placed it (its owner, a
 * canonical identity) is what lifting is checked against, never anything the lifting request says.
 *
 * @param eventId the {@code HoldPlaced} event's id (the gate cites the hold by it)
 */
public record StandingHold(String holdId, String name, String target, String reason, String placedBy,
                           Instant placedAt, String eventId) {
}
