package dev.greenlight.approval.waiver.application;

import dev.greenlight.approval.common.application.EventMeta;
import dev.greenlight.approval.common.application.Refusals;
import dev.greenlight.approval.common.domain.Permission;
import dev.greenlight.approval.waiver.domain.GrantedWaiver;
import dev.greenlight.approval.waiver.domain.GrantedWaivers;
import dev.greenlight.approval.waiver.domain.WaiverRules;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.WaiverRevoked;
import dev.greenlight.platform.failures.NotFoundException;
import dev.greenlight.platform.security.Actor;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Withdraws a waiver, recorded as {@code WaiverRevoked}, so the criterion it covered blocks again
 * if it is still not met. Who granted it comes from the approvals view, not from the request.
 * A refused attempt is recorded like every other ({@code REVOKE_WAIVER}); withdrawing twice
 * publishes once.
 */
@Service
public class RevokeWaiver {

    static final String ACTION = "REVOKE_WAIVER";

    private final GrantedWaivers waivers;
    private final WaiverRules rules;
    private final WaiverEvents events;
    private final Refusals refusals;
    private final Clock clock;

    RevokeWaiver(GrantedWaivers waivers, WaiverRules rules, WaiverEvents events, Refusals refusals, Clock clock) {
        this.waivers = waivers;
        this.rules = rules;
        this.events = events;
        this.refusals = refusals;
        this.clock = clock;
    }

    /** The withdrawn waiver and the revocation's event id; empty when it had been withdrawn before. */
    public record Outcome(GrantedWaiver waiver, Optional<String> eventId) {
    }

    public synchronized Outcome revoke(String waiverId, Optional<String> reason, Actor actor) {
        GrantedWaiver waiver = waivers.byId(waiverId)
                .orElseThrow(() -> new NotFoundException("waiver " + waiverId + " is unknown"));
        Permission permission = rules.mayRevoke(actor, waiver);
        if (!permission.granted()) {
            throw refusals.refuse(actor, waiver.target(), waiver.version(), ACTION, permission.reason());
        }
        if (waiver.revoked()) {
            return new Outcome(waiver, Optional.empty());
        }
        EventMetadata meta = EventMeta.of(actor, clock);
        events.publish(WaiverRevoked.newBuilder()
                .setMeta(meta)
                .setTarget(waiver.target())
                .setWaiverId(waiverId)
                .setVersion(waiver.version())
                .setCriterion(waiver.criterion())
                .setRevokedBy(actor.name())
                .setReason(reason.orElse(null))
                .build());
        waivers.revoke(waiverId);
        return new Outcome(waiver.revoke(), Optional.of(meta.getEventId()));
    }
}
