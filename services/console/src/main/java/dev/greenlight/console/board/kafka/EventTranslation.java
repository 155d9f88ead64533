package dev.greenlight.console.board.kafka;

import dev.greenlight.console.board.domain.CheckpointCosigned;
import dev.greenlight.console.board.domain.CheckpointSigned;
import dev.greenlight.console.board.domain.ConsoleEvent;
import dev.greenlight.console.board.domain.Criterion;
import dev.greenlight.console.board.domain.HoldChanged;
import dev.greenlight.console.board.domain.KillSwitchFlipped;
import dev.greenlight.console.board.domain.LedgerRecorded;
import dev.greenlight.console.board.domain.Pending;
import dev.greenlight.console.board.domain.PersonActed;
import dev.greenlight.console.board.domain.PolicyAnnounced;
import dev.greenlight.console.board.domain.ReleaseAnnounced;
import dev.greenlight.console.board.domain.StageDecided;
import dev.greenlight.console.board.domain.TrafficMoved;
import dev.greenlight.console.board.domain.TrafficMoved.Kind;
import dev.greenlight.events.ApprovalGranted;
import dev.greenlight.events.ApprovalRejected;
import dev.greenlight.events.ApprovalRevoked;
import dev.greenlight.events.FreezeDeclared;
import dev.greenlight.events.FreezeLifted;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GuardAction;
import dev.greenlight.events.HoldLifted;
import dev.greenlight.events.HoldPlaced;
import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.KillSwitchDeactivated;
import dev.greenlight.events.LedgerCheckpoint;
import dev.greenlight.events.LedgerCosignature;
import dev.greenlight.events.LedgerEntry;
import dev.greenlight.events.PolicyActivated;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.RollbackTriggered;
import dev.greenlight.events.RolloutAborted;
import dev.greenlight.events.RolloutCompleted;
import dev.greenlight.events.RolloutPaused;
import dev.greenlight.events.RolloutResumed;
import dev.greenlight.events.RolloutStepCompleted;
import dev.greenlight.events.RolloutStepStarted;
import dev.greenlight.events.WaiverGranted;
import dev.greenlight.events.WaiverRevoked;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Translates the Avro events of the topics the console reads into the domain's
 * {@link ConsoleEvent}s; everything the board does not show (checks, metrics, refusals, ...)
 * translates to nothing.
 */
final class EventTranslation {

    private EventTranslation() {
    }

    static Optional<ConsoleEvent> translate(Object record) {
        return Optional.ofNullable(event(record));
    }

    private static ConsoleEvent event(Object record) {
        if (record instanceof ReleaseRegistered r) {
            return new ReleaseAnnounced(r.getTarget(), r.getVersion(), r.getReleaseType().name(), r.getAuthor(),
                    r.getRevision(), r.getPolicy(), r.getMeta().getOccurredAt());
        }
        if (record instanceof GateDecided d) {
            return decided(d);
        }
        if (record instanceof ApprovalGranted a) {
            return new PersonActed(a.getTarget(), a.getVersion(), "APPROVE", a.getRole(), a.getApprover(), null,
                    a.getComment(), a.getMeta().getOccurredAt());
        }
        if (record instanceof ApprovalRejected a) {
            return new PersonActed(a.getTarget(), a.getVersion(), "REJECT", a.getRole(), a.getApprover(), null,
                    a.getComment(), a.getMeta().getOccurredAt());
        }
        if (record instanceof ApprovalRevoked a) {
            return new PersonActed(a.getTarget(), a.getVersion(), "REVOKE", a.getRole(), a.getRevokedBy(), null,
                    a.getReason(), a.getMeta().getOccurredAt());
        }
        if (record instanceof WaiverGranted w) {
            return new PersonActed(w.getTarget(), w.getVersion(), "WAIVE", w.getRole(), w.getGrantedBy(),
                    w.getCriterion(), w.getRationale(), w.getMeta().getOccurredAt());
        }
        if (record instanceof WaiverRevoked w) {
            return new PersonActed(w.getTarget(), w.getVersion(), "REVOKE_WAIVER", null, w.getRevokedBy(),
                    w.getCriterion(), w.getReason(), w.getMeta().getOccurredAt());
        }
        if (record instanceof KillSwitchActivated k) {
            return new KillSwitchFlipped(k.getTarget(), true, k.getActivatedBy(), k.getReason(), k.getMeta().getOccurredAt());
        }
        if (record instanceof KillSwitchDeactivated k) {
            return new KillSwitchFlipped(k.getTarget(), false, k.getDeactivatedBy(), k.getReason(),
                    k.getMeta().getOccurredAt());
        }
        if (record instanceof HoldPlaced h) {
            return new HoldChanged(h.getTarget(), h.getHoldId(), h.getName(), true, h.getPlacedBy(), h.getReason(),
                    h.getMeta().getOccurredAt());
        }
        if (record instanceof HoldLifted h) {
            return new HoldChanged(h.getTarget(), h.getHoldId(), h.getName(), false, h.getLiftedBy(), h.getReason(),
                    h.getMeta().getOccurredAt());
        }
        if (record instanceof FreezeDeclared f) {
            return new HoldChanged(f.getTarget(), f.getFreezeId(), "freeze " + f.getName(), true, f.getDeclaredBy(),
                    f.getReason(), f.getMeta().getOccurredAt());
        }
        if (record instanceof FreezeLifted f) {
            return new HoldChanged(f.getTarget(), f.getFreezeId(), "freeze " + f.getName(), false, f.getLiftedBy(),
                    f.getReason(), f.getMeta().getOccurredAt());
        }
        if (record instanceof LedgerEntry e) {
            return new LedgerRecorded(e.getTarget(), e.getLedgerPartition(), e.getSequence(), e.getEventType(),
                    e.getSourceEventId(), hex(e.getEntryHash()), e.getRecordedAt());
        }
        if (record instanceof LedgerCheckpoint c) {
            return new CheckpointSigned(c.getTarget(), c.getTreeSize(), hex(c.getRootHash()), c.getPublicKeyId(),
                    c.getSignedAt());
        }
        if (record instanceof LedgerCosignature c) {
            return new CheckpointCosigned(c.getTarget(), c.getTreeSize(), c.getWitnessKey(), c.getCosignedAt());
        }
        if (record instanceof PolicyActivated p) {
            return new PolicyAnnounced(p.getTarget(), p.getName(), p.getVersion(), p.getContentHash(), p.getContent(),
                    p.getMeta().getOccurredAt());
        }
        return rollout(record);
    }

    private static ConsoleEvent rollout(Object record) {
        if (record instanceof RolloutStepStarted s) {
            return new TrafficMoved(s.getTarget(), s.getVersion(), s.getStage(), Kind.STEP_STARTED, s.getTrafficPercent(),
                    null, null, s.getMeta().getOccurredAt());
        }
        if (record instanceof RolloutStepCompleted s) {
            return new TrafficMoved(s.getTarget(), s.getVersion(), s.getStage(), Kind.STEP_COMPLETED,
                    s.getTrafficPercent(), null, null, s.getMeta().getOccurredAt());
        }
        if (record instanceof RolloutPaused p) {
            return new TrafficMoved(p.getTarget(), p.getVersion(), p.getStage(), Kind.PAUSED, p.getTrafficPercent(),
                    p.getPausedBy(), p.getReason(), p.getMeta().getOccurredAt());
        }
        if (record instanceof RolloutResumed r) {
            return new TrafficMoved(r.getTarget(), r.getVersion(), r.getStage(), Kind.RESUMED, r.getTrafficPercent(),
                    r.getResumedBy(), r.getReason(), r.getMeta().getOccurredAt());
        }
        if (record instanceof RollbackTriggered r) {
            Kind kind = r.getAction() == GuardAction.PAUSE ? Kind.GUARD_PAUSE
                    : r.getAction() == GuardAction.KILL ? Kind.KILL : Kind.ROLLBACK;
            return new TrafficMoved(r.getTarget(), r.getVersion(), r.getStage(), kind, null, "guard " + r.getGuard(),
                    r.getReason(), r.getMeta().getOccurredAt());
        }
        if (record instanceof RolloutAborted a) {
            return new TrafficMoved(a.getTarget(), a.getVersion(), a.getStage(), Kind.ABORTED, 0, a.getAbortedBy(),
                    a.getReason(), a.getMeta().getOccurredAt());
        }
        if (record instanceof RolloutCompleted c) {
            return new TrafficMoved(c.getTarget(), c.getVersion(), c.getStage(), Kind.COMPLETED, c.getTrafficPercent(),
                    null, null, c.getMeta().getOccurredAt());
        }
        return null;
    }

    private static StageDecided decided(GateDecided d) {
        List<Criterion> criteria = d.getCriteria().stream()
                .map(c -> new Criterion(c.getName(), c.getKind(), c.getStatus().name(), c.getBlocking(), c.getObserved(),
                        c.getThreshold(), c.getReason(), List.copyOf(c.getEvidenceIds())))
                .toList();
        List<Pending> pending = d.getPendingOn() == null ? List.of() : d.getPendingOn().stream()
                .map(p -> new Pending(p.getCriterion(), p.getWaitingFor(), List.copyOf(p.getRoles()), p.getUntil()))
                .toList();
        return new StageDecided(d.getTarget(), d.getVersion(), d.getStage(), d.getOutcome().name(), d.getDecisionId(),
                criteria, List.copyOf(d.getMissing()), pending,
                d.getNextReviewAt() != null ? d.getNextReviewAt() : d.getNextChangeAt(),
                d.getPolicy().getName(), d.getPolicy().getContentHash(), d.getEvaluatedAt());
    }

    private static String hex(ByteBuffer bytes) {
        ByteBuffer copy = bytes.duplicate();
        byte[] raw = new byte[copy.remaining()];
        copy.get(raw);
        return HexFormat.of().formatHex(raw);
    }
}
