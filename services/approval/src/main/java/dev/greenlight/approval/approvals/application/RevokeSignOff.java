package dev.greenlight.approval.approvals.application;

import dev.greenlight.approval.approvals.domain.SignOff;
import dev.greenlight.approval.approvals.domain.SignOffRules;
import dev.greenlight.approval.approvals.domain.SignOffs;
import dev.greenlight.approval.common.application.EventMeta;
import dev.greenlight.approval.common.application.Refusals;
import dev.greenlight.approval.common.domain.Permission;
import dev.greenlight.events.ApprovalRevoked;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.platform.failures.NotFoundException;
import dev.greenlight.platform.security.Actor;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Withdraws a verdict on behalf of the person who gave it. Who gave it comes from the approvals
 * view, not from the request, so nobody can withdraw someone else's sign-off by claiming it.
 */
@Service
public class RevokeSignOff {

    static final String ACTION = "REVOKE";

    private final SignOffs signOffs;
    private final SignOffRules rules;
    private final SignOffEvents events;
    private final Refusals refusals;
    private final Clock clock;

    RevokeSignOff(SignOffs signOffs, SignOffRules rules, SignOffEvents events, Refusals refusals, Clock clock) {
        this.signOffs = signOffs;
        this.rules = rules;
        this.events = events;
        this.refusals = refusals;
        this.clock = clock;
    }

    public synchronized RevokeOutcome revoke(String approvalId, Optional<String> reason, Actor actor) {
        SignOff signOff = signOffs.byId(approvalId)
                .orElseThrow(() -> new NotFoundException("approval " + approvalId + " is unknown"));
        Permission permission = rules.mayRevoke(actor, signOff);
        if (!permission.granted()) {
            throw refusals.refuse(actor, signOff.target(), signOff.version(), ACTION, permission.reason());
        }
        if (signOff.revoked()) {
            return new RevokeOutcome(signOff, Optional.empty());
        }
        EventMetadata meta = EventMeta.of(actor, clock);
        events.publish(signOff.target(), ApprovalRevoked.newBuilder()
                .setMeta(meta)
                .setTarget(signOff.target())
                .setApprovalId(approvalId)
                .setVersion(signOff.version())
                .setRole(signOff.role())
                .setRevokedBy(actor.name())
                .setReason(reason.orElse(null))
                .build());
        signOffs.revoke(approvalId);
        return new RevokeOutcome(signOff.revoke(), Optional.of(meta.getEventId()));
    }
}
