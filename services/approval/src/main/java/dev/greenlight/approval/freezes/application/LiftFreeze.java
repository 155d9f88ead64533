package dev.greenlight.approval.freezes.application;

import dev.greenlight.approval.common.application.EventMeta;
import dev.greenlight.approval.common.application.Refusals;
import dev.greenlight.approval.common.domain.Permission;
import dev.greenlight.approval.freezes.domain.FreezeRules;
import dev.greenlight.approval.freezes.domain.StandingFreeze;
import dev.greenlight.approval.freezes.domain.StandingFreezes;
import dev.greenlight.approval.holds.application.HoldEvents;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.FreezeLifted;
import dev.greenlight.platform.failures.NotFoundException;
import dev.greenlight.platform.security.Actor;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Lifts a runtime freeze, recorded as {@code FreezeLifted}; the gate re-evaluates what it covered at
 * once. Who declared it comes from the holds topic, not from the request, and is compared as an
 * identity. Anyone else without the authority role is refused, recorded ({@code FREEZE_LIFT}), and
 * nothing reaches the topic.
 */
@Service
public class LiftFreeze {

    static final String ACTION = "FREEZE_LIFT";

    private final FreezeRules rules;
    private final StandingFreezes freezes;
    private final HoldEvents events;
    private final Refusals refusals;
    private final Clock clock;

    LiftFreeze(FreezeRules rules, StandingFreezes freezes, HoldEvents events, Refusals refusals, Clock clock) {
        this.rules = rules;
        this.freezes = freezes;
        this.events = events;
        this.refusals = refusals;
        this.clock = clock;
    }

    /** The lifted freeze and the id of the {@code FreezeLifted} event. */
    public record Outcome(StandingFreeze freeze, String eventId) {
    }

    public synchronized Outcome lift(String freezeId, Optional<String> reason, Actor actor) {
        StandingFreeze freeze = freezes.byId(freezeId)
                .orElseThrow(() -> new NotFoundException("no standing freeze " + freezeId));
        Permission permission = rules.mayLift(actor, freeze);
        if (!permission.granted()) {
            throw refusals.refuse(actor, freeze.target(), null, ACTION, permission.reason());
        }
        EventMetadata meta = EventMeta.of(actor, clock);
        events.publish(freeze.target(), FreezeLifted.newBuilder()
                .setMeta(meta)
                .setTarget(freeze.target())
                .setFreezeId(freeze.freezeId())
                .setName(freeze.name())
                .setLiftedBy(actor.name())
                .setReason(reason.orElse(null))
                .build());
        freezes.lift(freezeId);
        return new Outcome(freeze, meta.getEventId());
    }
}
