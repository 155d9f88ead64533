package dev.greenlight.approval.freezes.application;

import dev.greenlight.approval.common.application.EventMeta;
import dev.greenlight.approval.common.application.Refusals;
import dev.greenlight.approval.common.domain.Fields;
import dev.greenlight.approval.common.domain.Permission;
import dev.greenlight.approval.freezes.domain.FreezeRequest;
import dev.greenlight.approval.freezes.domain.FreezeRules;
import dev.greenlight.approval.freezes.domain.StandingFreeze;
import dev.greenlight.approval.freezes.domain.StandingFreezes;
import dev.greenlight.approval.holds.application.HoldEvents;
import dev.greenlight.approval.holds.application.HoldNameTakenException;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.FreezeDeclared;
import dev.greenlight.platform.security.Actor;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Declares a runtime freeze window: {@code FreezeDeclared}, owned by the authenticated caller,
 * published where holds go (the holds topic: one home for runtime stop-the-line facts). Like a hold
 * it needs no registered release. A refused attempt is recorded ({@code FREEZE_DECLARE}) and nothing
 * reaches the topic.
 */
@Service
public class DeclareFreeze {

    static final String ACTION = "FREEZE_DECLARE";

    private final FreezeRules rules;
    private final StandingFreezes freezes;
    private final HoldEvents events;
    private final Refusals refusals;
    private final Clock clock;

    DeclareFreeze(FreezeRules rules, StandingFreezes freezes, HoldEvents events, Refusals refusals, Clock clock) {
        this.rules = rules;
        this.freezes = freezes;
        this.events = events;
        this.refusals = refusals;
        this.clock = clock;
    }

    public synchronized StandingFreeze declare(FreezeRequest request, Actor actor) {
        Permission permission = rules.mayDeclare(actor);
        if (!permission.granted()) {
            throw refusals.refuse(actor, request.target().text(), null, ACTION, permission.reason());
        }
        Fields.notTooFar("to", request.to(), clock.instant());
        freezes.byName(request.name()).ifPresent(standing -> {
            throw new HoldNameTakenException("freeze '" + request.name() + "' already stands on "
                    + standing.target() + " (declared by " + standing.declaredBy() + "); lift it or choose another name");
        });
        EventMetadata meta = EventMeta.of(actor, clock);
        String freezeId = UUID.randomUUID().toString();
        events.publish(request.target().text(), FreezeDeclared.newBuilder()
                .setMeta(meta)
                .setTarget(request.target().text())
                .setFreezeId(freezeId)
                .setName(request.name())
                .setReason(request.reason())
                .setDeclaredBy(actor.name())
                .setFrom(request.from())
                .setTo(request.to())
                .setOverrideRoles(List.copyOf(request.overrideRoles().stream().sorted().toList()))
                .setOverrideReleaseTypes(List.copyOf(request.overrideReleaseTypes().stream().sorted().toList()))
                .build());
        StandingFreeze freeze = new StandingFreeze(freezeId, request.name(), request.target().text(), request.reason(),
                actor.name(), request.from(), request.to(), request.overrideRoles(), request.overrideReleaseTypes(),
                meta.getOccurredAt(), meta.getEventId());
        freezes.record(freeze);
        return freeze;
    }
}
