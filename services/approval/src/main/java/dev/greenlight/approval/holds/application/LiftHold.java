package dev.greenlight.approval.holds.application;

import dev.greenlight.approval.common.application.EventMeta;
import dev.greenlight.approval.common.application.Refusals;
import dev.greenlight.approval.common.domain.Permission;
import dev.greenlight.approval.holds.domain.HoldRules;
import dev.greenlight.approval.holds.domain.StandingHold;
import dev.greenlight.approval.holds.domain.StandingHolds;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.HoldLifted;
import dev.greenlight.platform.failures.NotFoundException;
import dev.greenlight.platform.security.Actor;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Lifts a standing hold, recorded as {@code HoldLifted}; the gate re-evaluates what it covered at
 * once. Who owns it comes from the holds topic, not from the request, and is compared as an
 * identity. Anyone else without the authority role is refused, recorded ({@code HOLD_LIFT}),
 * and nothing reaches the holds topic.
 */
@Service
public class LiftHold {

    static final String ACTION = "HOLD_LIFT";

    private final HoldRules rules;
    private final StandingHolds holds;
    private final HoldEvents events;
    private final Refusals refusals;
    private final Clock clock;

    LiftHold(HoldRules rules, StandingHolds holds, HoldEvents events, Refusals refusals, Clock clock) {
        this.rules = rules;
        this.holds = holds;
        this.events = events;
        this.refusals = refusals;
        this.clock = clock;
    }

    /** The lifted hold and the id of the {@code HoldLifted} event. */
    public record Outcome(StandingHold hold, String eventId) {
    }

    public synchronized Outcome lift(String holdId, Optional<String> reason, Actor actor) {
        StandingHold hold = holds.byId(holdId)
                .orElseThrow(() -> new NotFoundException("no standing hold " + holdId));
        Permission permission = rules.mayLift(actor, hold);
        if (!permission.granted()) {
            throw refusals.refuse(actor, hold.target(), null, ACTION, permission.reason());
        }
        EventMetadata meta = EventMeta.of(actor, clock);
        events.publish(hold.target(), HoldLifted.newBuilder()
                .setMeta(meta)
                .setTarget(hold.target())
                .setHoldId(hold.holdId())
                .setName(hold.name())
                .setLiftedBy(actor.name())
                .setReason(reason.orElse(null))
                .build());
        holds.lift(holdId);
        return new Outcome(hold, meta.getEventId());
    }
}
