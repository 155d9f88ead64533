package dev.greenlight.approval.holds.web;

import dev.greenlight.approval.holds.domain.StandingHold;
import java.time.Instant;

/** A hold as the API shows it; {@code eventId} is the {@code HoldPlaced} (or, when lifting, the {@code HoldLifted}). */
record HoldResponse(String holdId, String name, String target, String reason, String placedBy, Instant placedAt,
                    boolean lifted, String eventId) {

    static HoldResponse standing(StandingHold hold) {
        return new HoldResponse(hold.holdId(), hold.name(), hold.target(), hold.reason(), hold.placedBy(),
                hold.placedAt(), false, hold.eventId());
    }

    static HoldResponse lifted(StandingHold hold, String eventId) {
        return new HoldResponse(hold.holdId(), hold.name(), hold.target(), hold.reason(), hold.placedBy(),
                hold.placedAt(), true, eventId);
    }
}
