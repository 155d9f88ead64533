package dev.greenlight.approval.approvals.application;

import dev.greenlight.approval.approvals.domain.SignOff;
import dev.greenlight.approval.approvals.domain.SignOffRequest;
import dev.greenlight.approval.approvals.domain.SignOffRules;
import dev.greenlight.approval.approvals.domain.SignOffs;
import dev.greenlight.approval.approvals.domain.Verdict;
import dev.greenlight.approval.common.application.EventMeta;
import dev.greenlight.approval.common.application.Refusals;
import dev.greenlight.approval.common.application.Release;
import dev.greenlight.approval.common.application.Releases;
import dev.greenlight.approval.common.domain.Permission;
import dev.greenlight.events.ApprovalGranted;
import dev.greenlight.events.ApprovalRejected;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.platform.security.Actor;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Records a reviewer's verdict on a registered release. The approver is the caller and the
 * revision the one registered, so a sign-off always says who looked at what. Repeating a verdict
 * that still stands returns the recorded one instead of publishing again: one person counts once
 * per role. Synchronized so two identical requests racing cannot both publish.
 */
@Service
public class RecordSignOff {

    private final Releases releases;
    private final SignOffs signOffs;
    private final SignOffRules rules;
    private final SignOffEvents events;
    private final Refusals refusals;
    private final Clock clock;

    RecordSignOff(Releases releases, SignOffs signOffs, SignOffRules rules, SignOffEvents events, Refusals refusals,
            Clock clock) {
        this.releases = releases;
        this.signOffs = signOffs;
        this.rules = rules;
        this.events = events;
        this.refusals = refusals;
        this.clock = clock;
    }

    public synchronized SignOffOutcome signOff(SignOffRequest request, Actor actor) {
        Release release = releases.require(request.target(), request.version());
        Permission permission = rules.maySignOff(actor, request, release.authorPerson());
        if (!permission.granted()) {
            throw refusals.refuse(actor, request.target(), request.version(), request.verdict().name(),
                    permission.reason());
        }
        Optional<SignOff> standing = signOffs.standing(request.target(), request.version(), request.role(),
                actor.name());
        if (standing.isPresent() && standing.get().verdict() == request.verdict()) {
            return new SignOffOutcome(standing.get(), false);
        }
        String approvalId = UUID.randomUUID().toString();
        EventMetadata meta = EventMeta.of(actor, clock);
        events.publish(request.target(), request.verdict() == Verdict.APPROVE
                ? ApprovalGranted.newBuilder().setMeta(meta).setTarget(request.target()).setApprovalId(approvalId)
                        .setVersion(request.version()).setRevision(release.revision()).setRole(request.role())
                        .setApprover(actor.name()).setComment(request.comment().orElse(null))
                        .setExpiresAt(request.expiresAt().orElse(null)).build()
                : ApprovalRejected.newBuilder().setMeta(meta).setTarget(request.target()).setApprovalId(approvalId)
                        .setVersion(request.version()).setRevision(release.revision()).setRole(request.role())
                        .setApprover(actor.name()).setComment(request.comment().orElse(null))
                        .setExpiresAt(request.expiresAt().orElse(null)).build());
        SignOff recorded = new SignOff(approvalId, meta.getEventId(), request.target(), request.version(),
                request.role(), actor.name(), request.verdict(), false);
        // Write-through: the topic view catches up asynchronously, but a retry must see it at once.
        signOffs.record(recorded);
        return new SignOffOutcome(recorded, true);
    }
}
