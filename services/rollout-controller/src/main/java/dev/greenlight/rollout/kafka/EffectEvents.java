package dev.greenlight.rollout.kafka;

import dev.greenlight.events.ArmedGuard;
import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.events.DeploymentCommandUnacknowledged;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.GuardAction;
import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.KillSwitchSource;
import dev.greenlight.events.MonitorCheckpointReached;
import dev.greenlight.events.ObligationCreated;
import dev.greenlight.events.ObligationKind;
import dev.greenlight.events.ObligationOverdue;
import dev.greenlight.events.PostPromotionWatchEnded;
import dev.greenlight.events.PostPromotionWatchStarted;
import dev.greenlight.events.RollbackTriggered;
import dev.greenlight.events.RolloutAborted;
import dev.greenlight.events.RolloutCommandRefused;
import dev.greenlight.events.RolloutCommandRequested;
import dev.greenlight.events.RolloutCompleted;
import dev.greenlight.events.RolloutPaused;
import dev.greenlight.events.RolloutResumed;
import dev.greenlight.events.RolloutStepCompleted;
import dev.greenlight.events.RolloutStepStarted;
import dev.greenlight.rollout.domain.RolloutEffect;
import java.time.Instant;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * Turns the state machine's effects into catalogue events (where each goes: {@link RolloutTopology#outputTopic}). The only place that knows both worlds,
 * so the domain stays free of Avro and the schemas stay free of domain types.
 */
final class EffectEvents {

    /** {@code meta.principal} of everything the controller writes. */
    static final String PRINCIPAL = "rollout-controller";

    private EffectEvents() {
    }

    static SpecificRecord of(String target, RolloutEffect effect, Instant now) {
        EventMetadata meta = new EventMetadata(UUID.randomUUID().toString(), now, PRINCIPAL);
        if (effect instanceof RolloutEffect.CommandIssued e) {
            // The command id is deterministic per target and sequence; reuse it as the idempotency key.
            return DeploymentCommand.newBuilder()
                    .setMeta(new EventMetadata(e.commandId(), now, PRINCIPAL)).setTarget(target)
                    .setCommandId(e.commandId()).setVersion(e.version()).setTrafficPercent(e.traffic())
                    .setReason(e.reason()).setSequence(e.sequence()).setPreviousVersion(e.previousVersion()).build();
        } else if (effect instanceof RolloutEffect.StepStarted e) {
            return RolloutStepStarted.newBuilder().setMeta(meta).setTarget(target).setVersion(e.version())
                    .setStage(e.stage()).setTrafficPercent(e.traffic()).setSoakUntil(e.soakUntil())
                    .setCommandSequence(e.sequence()).build();
        } else if (effect instanceof RolloutEffect.StepCompleted e) {
            return RolloutStepCompleted.newBuilder().setMeta(meta).setTarget(target).setVersion(e.version())
                    .setStage(e.stage()).setTrafficPercent(e.traffic()).setCommandSequence(e.sequence()).build();
        } else if (effect instanceof RolloutEffect.GuardActed e) {
            return RollbackTriggered.newBuilder().setMeta(meta).setTarget(target).setVersion(e.version())
                    .setStage(e.stage()).setAction(GuardAction.valueOf(e.action().name())).setGuard(e.guard())
                    .setObserved(e.observed()).setThreshold(e.threshold()).setReason(e.reason())
                    .setEvidenceIds(e.evidenceIds()).setRestoredVersion(e.restoredVersion())
                    .setWatchUntil(e.watchUntil()).build();
        } else if (effect instanceof RolloutEffect.WatchStarted e) {
            return PostPromotionWatchStarted.newBuilder().setMeta(meta).setTarget(target).setVersion(e.version())
                    .setStage(e.stage()).setTrafficPercent(e.traffic()).setWatchUntil(e.until())
                    .setArmedGuards(e.guards().stream().map(g -> new ArmedGuard(g.guard(),
                            GuardAction.valueOf(g.action().name()))).toList()).build();
        } else if (effect instanceof RolloutEffect.WatchEnded e) {
            return PostPromotionWatchEnded.newBuilder().setMeta(meta).setTarget(target).setVersion(e.version())
                    .setStage(e.stage()).setTrafficPercent(e.traffic()).setOutcome(e.outcome().name())
                    .setReason(e.reason()).build();
        } else if (effect instanceof RolloutEffect.Paused e) {
            return RolloutPaused.newBuilder().setMeta(meta).setTarget(target).setVersion(e.version())
                    .setStage(e.stage()).setTrafficPercent(e.traffic()).setPausedBy(e.actor()).setReason(e.reason())
                    .build();
        } else if (effect instanceof RolloutEffect.Resumed e) {
            return RolloutResumed.newBuilder().setMeta(meta).setTarget(target).setVersion(e.version())
                    .setStage(e.stage()).setTrafficPercent(e.traffic()).setResumedBy(e.actor()).setReason(e.reason())
                    .build();
        } else if (effect instanceof RolloutEffect.Aborted e) {
            return RolloutAborted.newBuilder().setMeta(meta).setTarget(target).setVersion(e.version())
                    .setStage(e.stage()).setAbortedBy(e.actor()).setReason(e.reason())
                    .setRestoredVersion(e.restoredVersion()).build();
        } else if (effect instanceof RolloutEffect.Completed e) {
            return RolloutCompleted.newBuilder().setMeta(meta).setTarget(target).setVersion(e.version())
                    .setStage(e.stage()).setTrafficPercent(e.traffic()).build();
        } else if (effect instanceof RolloutEffect.CheckpointReached e) {
            return MonitorCheckpointReached.newBuilder().setMeta(meta).setTarget(target)
                    .setVersion(e.version()).setStage(e.stage()).setTrafficPercent(e.traffic())
                    .setCheckpoint("T+" + e.offset().toMinutes() + "m").setElapsedMinutes(e.offset().toMinutes())
                    .build();
        } else if (effect instanceof RolloutEffect.ObligationCreated e) {
            return ObligationCreated.newBuilder().setMeta(meta).setTarget(target).setVersion(e.version())
                    .setObligation(ObligationKind.valueOf(e.kind().name())).setDueAt(e.dueAt()).build();
        } else if (effect instanceof RolloutEffect.ObligationOverdue e) {
            return ObligationOverdue.newBuilder().setMeta(meta).setTarget(target).setVersion(e.version())
                    .setObligation(ObligationKind.valueOf(e.kind().name())).setDueAt(e.dueAt()).build();
        } else if (effect instanceof RolloutEffect.CommandUnacknowledged e) {
            return DeploymentCommandUnacknowledged.newBuilder().setMeta(meta).setTarget(target)
                    .setCommandId(e.commandId()).setVersion(e.version()).setSequence(e.sequence())
                    .setTrafficPercent(e.traffic()).setIssuedAt(e.issuedAt())
                    .setAckTimeoutSeconds(e.timeout().toSeconds()).build();
        } else if (effect instanceof RolloutEffect.KillRequested e) {
            return KillSwitchActivated.newBuilder().setMeta(meta).setTarget(target)
                    .setReason(e.reason()).setActivatedBy(PRINCIPAL + "/guard/" + e.guard())
                    .setSource(KillSwitchSource.GUARD).build();
        }
        throw new IllegalArgumentException("unmapped effect " + effect);
    }

    static SpecificRecord refused(RolloutCommandRequested request, String refusal, String reason, Instant now) {
        return RolloutCommandRefused.newBuilder()
                .setMeta(new EventMetadata(UUID.randomUUID().toString(), now, PRINCIPAL))
                .setTarget(request.getTarget()).setVersion(request.getVersion())
                .setCommand(request.getCommand().name()).setRequestedBy(request.getRequestedBy())
                .setRefusal(refusal).setReason(reason).setRequestId(request.getMeta().getEventId()).build();
    }
}
