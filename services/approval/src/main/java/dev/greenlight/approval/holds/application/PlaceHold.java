package dev.greenlight.approval.holds.application;

import dev.greenlight.approval.common.application.EventMeta;
import dev.greenlight.approval.common.application.Refusals;
import dev.greenlight.approval.common.domain.Permission;
import dev.greenlight.approval.holds.domain.HoldRequest;
import dev.greenlight.approval.holds.domain.HoldRules;
import dev.greenlight.approval.holds.domain.StandingHold;
import dev.greenlight.approval.holds.domain.StandingHolds;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.HoldPlaced;
import dev.greenlight.platform.security.Actor;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A person or bot stops the line: {@code HoldPlaced}, owned by the authenticated caller. Like the
 * kill switch it needs no registered release — a hold on a pattern also covers releases registered
 * later. A refused attempt is recorded ({@code HOLD_PLACE}) and nothing reaches the holds topic.
 */
@Service
public class PlaceHold {

    static final String ACTION = "HOLD_PLACE";

    private final HoldRules rules;
    private final StandingHolds holds;
    private final HoldEvents events;
    private final Refusals refusals;
    private final Clock clock;

    PlaceHold(HoldRules rules, StandingHolds holds, HoldEvents events, Refusals refusals, Clock clock) {
        this.rules = rules;
        this.holds = holds;
        this.events = events;
        this.refusals = refusals;
        this.clock = clock;
    }

    public synchronized StandingHold place(HoldRequest request, Actor actor) {
        Permission permission = rules.mayPlace(actor);
        if (!permission.granted()) {
            throw refusals.refuse(actor, request.target().text(), null, ACTION, permission.reason());
        }
        holds.byName(request.name()).ifPresent(standing -> {
            throw new HoldNameTakenException("hold '" + request.name() + "' already stands on "
                    + standing.target() + " (placed by " + standing.placedBy() + "); lift it or choose another name");
        });
        EventMetadata meta = EventMeta.of(actor, clock);
        String holdId = UUID.randomUUID().toString();
        events.publish(request.target().text(), HoldPlaced.newBuilder()
                .setMeta(meta)
                .setTarget(request.target().text())
                .setHoldId(holdId)
                .setName(request.name())
                .setReason(request.reason())
                .setPlacedBy(actor.name())
                .build());
        StandingHold hold = new StandingHold(holdId, request.name(), request.target().text(), request.reason(),
                actor.name(), meta.getOccurredAt(), meta.getEventId());
        holds.record(hold);
        return hold;
    }
}
