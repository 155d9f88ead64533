package dev.greenlight.rollout.web;

import dev.greenlight.policy.model.Guard;
import dev.greenlight.policy.model.WatchGuard;
import dev.greenlight.rollout.domain.Rollout;
import dev.greenlight.rollout.domain.RolloutStatus;
import dev.greenlight.rollout.domain.StagePlan;
import dev.greenlight.rollout.domain.TargetState;
import dev.greenlight.rollout.kafka.RolloutPolicies;
import java.time.Instant;
import java.util.List;

/** What {@code GET /api/v1/rollouts/{target}} answers: where every rollout of the target stands. */
record RolloutStatusView(String target, KillSwitchView killSwitch, String stableVersion, long lastCommandSequence,
                         List<RolloutView> rollouts, List<ObligationView> obligations, List<Long> unacknowledgedCommands) {

    record KillSwitchView(boolean active, String reason) {
    }

    record RolloutView(String version, String policy, RolloutStatus status, String stage, int trafficPercent,
                       Instant since, Instant soakUntil, String nextStep, List<String> activeGuards,
                       String policyHash, Instant watchUntil) {
    }

    record ObligationView(String version, String kind, Instant dueAt, boolean overdue, boolean fulfilled) {
    }

    static RolloutStatusView of(TargetState state, RolloutPolicies policies, Instant now) {
        return new RolloutStatusView(state.target(), new KillSwitchView(state.killed(), state.killReason()),
                state.stableVersion(), state.lastSequence(),
                state.rollouts().stream().map(r -> rollout(r, policies, state.killed())).toList(),
                state.obligations().stream().map(o -> new ObligationView(o.version(), o.kind().name(), o.dueAt(),
                        !o.fulfilled() && !o.dueAt().isAfter(now), o.fulfilled())).toList(),
                state.pendingCommands().stream().map(p -> p.sequence()).toList());
    }

    private static RolloutView rollout(Rollout r, RolloutPolicies policies, boolean killed) {
        List<String> guards = !r.live() ? List.of() : r.inWatch()
                ? r.watch().guards().stream().map(WatchGuard::guard).toList()
                : policies.byHash(r.policyHash())
                .flatMap(policy -> policy.stage(r.stage().name()))
                .map(stage -> stage.guards().stream().map(Guard::name).toList()).orElse(List.of());
        return new RolloutView(r.version(), r.policy(), r.status(), r.stage().name(), r.traffic(), r.since(),
                r.status() == RolloutStatus.STAGE_LIVE ? r.soakUntil() : null, nextStep(r, killed), guards,
                r.policyHash(), r.inWatch() ? r.watchUntil() : null);
    }

    private static String nextStep(Rollout r, boolean killed) {
        StagePlan next = r.nextStage();
        return switch (r.status()) {
            case PENDING -> "waiting for GO on stage " + next.name();
            case STAGE_LIVE -> r.stepApplied() ? "soaking until " + r.soakUntil()
                    : "waiting for the deployer to apply command " + r.stepSequence();
            case AWAITING_GATE -> "waiting for GO on stage " + next.name();
            case WATCHING -> "watching after promotion until " + r.watchUntil();
            case PAUSED -> "paused; resume to continue";
            case KILLED -> killed ? "frozen by the kill switch" : "paused; resume to continue";
            case ROLLED_BACK -> "rolled back; none";
            case COMPLETED -> "none; completed";
        };
    }
}
