package dev.greenlight.rollout.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Everything the controller knows about one target. The target, not the release, is the unit of
 * state because the kill switch, the command sequence and the stable version are per target and
 * must change atomically with the rollouts they affect.
 *
 * @param lastSequence sequence of the last command issued (0 before the first)
 * @param stableVersion the last version that completed its rollout; rollbacks restore it
 */
public record TargetState(String target, List<Rollout> rollouts, long lastSequence, boolean killed,
                          String killReason, String stableVersion, List<PendingCommand> pendingCommands,
                          List<Obligation> obligations) {

    public TargetState {
        rollouts = List.copyOf(rollouts);
        pendingCommands = List.copyOf(pendingCommands);
        obligations = List.copyOf(obligations);
    }

    public static TargetState empty(String target) {
        return new TargetState(target, List.of(), 0, false, null, null, List.of(), List.of());
    }

    public Optional<Rollout> rollout(String version) {
        return rollouts.stream().filter(r -> r.version().equals(version)).findFirst();
    }

    TargetState put(Rollout rollout) {
        List<Rollout> next = new ArrayList<>(rollouts);
        next.removeIf(r -> r.version().equals(rollout.version()));
        next.add(rollout);
        return new TargetState(target, next, lastSequence, killed, killReason, stableVersion, pendingCommands,
                obligations);
    }

    TargetState withSequence(long sequence, PendingCommand pending) {
        List<PendingCommand> next = new ArrayList<>(pendingCommands);
        next.add(pending);
        return new TargetState(target, rollouts, sequence, killed, killReason, stableVersion, next, obligations);
    }

    TargetState withPending(List<PendingCommand> pending) {
        return new TargetState(target, rollouts, lastSequence, killed, killReason, stableVersion, pending,
                obligations);
    }

    TargetState withKill(boolean on, String reason) {
        return new TargetState(target, rollouts, lastSequence, on, reason, stableVersion, pendingCommands,
                obligations);
    }

    TargetState withStable(String version) {
        return new TargetState(target, rollouts, lastSequence, killed, killReason, version, pendingCommands,
                obligations);
    }

    TargetState withObligations(List<Obligation> next) {
        return new TargetState(target, rollouts, lastSequence, killed, killReason, stableVersion, pendingCommands,
                next);
    }

    TargetState mapObligations(UnaryOperator<Obligation> change) {
        return withObligations(obligations.stream().map(change).toList());
    }
}
