package dev.greenlight.approval.waiver.application;

import dev.greenlight.approval.common.application.EventMeta;
import dev.greenlight.approval.common.application.Refusals;
import dev.greenlight.approval.common.application.Release;
import dev.greenlight.approval.common.application.Releases;
import dev.greenlight.approval.common.domain.Permission;
import dev.greenlight.approval.waiver.domain.GrantedWaiver;
import dev.greenlight.approval.waiver.domain.GrantedWaivers;
import dev.greenlight.approval.waiver.domain.WaiverExpiry;
import dev.greenlight.approval.waiver.domain.WaiverRequest;
import dev.greenlight.approval.waiver.domain.WaiverRules;
import dev.greenlight.events.WaiverGranted;
import dev.greenlight.platform.security.Actor;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Grants a waiver of one criterion of a registered release, in a role allowed to waive, by
 * someone other than its author. Whether that role may waive that criterion is the policy's
 * call, made by the gate-evaluator; a waiver in the wrong role is recorded but never counts.
 * Every waiver expires ({@link WaiverExpiry}); synchronized with {@link RevokeWaiver}'s view.
 */
@Service
public class GrantWaiver {

    static final String ACTION = "WAIVE";

    private final Releases releases;
    private final WaiverRules rules;
    private final WaiverEvents events;
    private final Refusals refusals;
    private final Clock clock;
    private final WaiverExpiry expiry;
    private final GrantedWaivers granted;

    GrantWaiver(Releases releases, WaiverRules rules, WaiverEvents events, Refusals refusals, Clock clock,
            WaiverExpiry expiry, GrantedWaivers granted) {
        this.releases = releases;
        this.rules = rules;
        this.events = events;
        this.refusals = refusals;
        this.clock = clock;
        this.expiry = expiry;
        this.granted = granted;
    }

    public WaiverGranted grant(WaiverRequest request, Actor actor) {
        Release release = releases.require(request.target(), request.version());
        Optional<String> role = rules.roleFor(actor, request);
        Permission permission = rules.mayWaive(actor, role, request, release.authorPerson());
        if (!permission.granted()) {
            throw refusals.refuse(actor, request.target(), request.version(), ACTION, permission.reason());
        }
        var expiresAt = expiry.expiresAt(request.expiresAt(), clock.instant());
        WaiverGranted event = WaiverGranted.newBuilder()
                .setMeta(EventMeta.of(actor, clock))
                .setTarget(request.target())
                .setWaiverId(UUID.randomUUID().toString())
                .setVersion(request.version())
                .setCriterion(request.criterion())
                .setRationale(request.rationale())
                .setGrantedBy(actor.name())
                .setRole(role.orElseThrow())
                .setExpiresAt(expiresAt)
                .build();
        events.publish(event);
        // Write-through: the topic view catches up asynchronously, but a revocation must see it at once.
        granted.record(new GrantedWaiver(event.getWaiverId(), event.getMeta().getEventId(), event.getTarget(),
                event.getVersion(), event.getCriterion(), event.getGrantedBy(), event.getRole(), false));
        return event;
    }
}
