package dev.greenlight.rollout.kafka;

import dev.greenlight.events.DeploymentApplied;
import dev.greenlight.events.DeploymentStatus;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.KillSwitchDeactivated;
import dev.greenlight.events.KillSwitchSource;
import dev.greenlight.events.PolicyRef;
import dev.greenlight.events.RolloutCommandRequested;
import dev.greenlight.events.RolloutCommandType;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.rollout.domain.Policies;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Terse factories for the controller's inputs, so tests read as the story of a rollout. */
public final class RolloutEvents {

    private RolloutEvents() {
    }

    static EventMetadata meta(Instant at) {
        return new EventMetadata(UUID.randomUUID().toString(), at, "test");
    }

    /** A decision computed, as the gate would, with the shipped policy governing {@code target}. */
    public static GateDecided decided(String target, String version, String stage, GateOutcome outcome, Instant at) {
        return decided(target, version, stage, outcome, at, target.startsWith("rl-policy") ? Policies.RL
                : Policies.STRATEGY);
    }

    /** A decision computed with {@code policy}; it names the policy by its content hash. */
    public static GateDecided decided(String target, String version, String stage, GateOutcome outcome, Instant at,
                                      Policy policy) {
        String id = UUID.randomUUID().toString();
        return GateDecided.newBuilder().setMeta(new EventMetadata(id, at, "gate-evaluator")).setTarget(target)
                .setDecisionId(id).setVersion(version).setStage(stage).setOutcome(outcome).setCriteria(List.of())
                .setPolicy(new PolicyRef(policy.name(), policy.version(), policy.contentHash())).setEvaluatedAt(at)
                .build();
    }

    /** A monitoring checkpoint's decision of the stage that started at {@code stageStartedAt}. */
    public static GateDecided checkpoint(String target, String version, String stage, String checkpoint,
                                         GateOutcome outcome, Instant stageStartedAt, Instant at) {
        GateDecided decided = decided(target, version, stage, outcome, at);
        decided.setCheckpoint(checkpoint);
        decided.setStageStartedAt(stageStartedAt);
        return decided;
    }

    public static GateDecided go(String target, String version, String stage, Instant at) {
        return decided(target, version, stage, GateOutcome.GO, at);
    }

    public static KillSwitchActivated killed(String target, Instant at) {
        return new KillSwitchActivated(meta(at), target, "page alert during ramp", "oncall", KillSwitchSource.MANUAL);
    }

    public static KillSwitchDeactivated revived(String target, Instant at) {
        return new KillSwitchDeactivated(meta(at), target, "rollback verified", "founder", KillSwitchSource.MANUAL);
    }

    public static DeploymentApplied applied(String target, String commandId, long sequence, Instant at) {
        return new DeploymentApplied(meta(at), target, commandId, sequence, "test-deployer", DeploymentStatus.APPLIED,
                null);
    }

    public static RolloutCommandRequested command(String target, String version, RolloutCommandType type,
                                                  String actor, List<String> roles, String reason, Instant at) {
        return new RolloutCommandRequested(meta(at), target, version, type, actor, roles, reason);
    }
}
