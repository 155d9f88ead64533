package dev.greenlight.rollout.domain;

import dev.greenlight.policy.model.GuardAction;
import dev.greenlight.policy.model.WatchGuard;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a transition asks the outside world to know or do. The state machine never publishes
 * anything itself: the Kafka topology turns these into events and commands inside the same
 * transaction that stores the new state, so state and output cannot diverge.
 */
public sealed interface RolloutEffect {

    /** A stage's traffic was commanded; it soaks until {@code soakUntil} (null: no soak). */
    record StepStarted(String version, String stage, int traffic, Instant soakUntil, Long sequence)
            implements RolloutEffect {
    }

    /** A stage soaked cleanly with its deployment applied. */
    record StepCompleted(String version, String stage, int traffic, Long sequence) implements RolloutEffect {
    }

    /**
     * A guard tripped and the controller acted on it.
     *
     * @param watchUntil end of the post-promotion watch the action was taken in; null during a ramp
     */
    record GuardActed(String version, String stage, GuardAction action, String guard, String observed,
                      String threshold, String reason, List<String> evidenceIds, String restoredVersion,
                      Instant watchUntil)
            implements RolloutEffect {
        public GuardActed {
            evidenceIds = List.copyOf(evidenceIds);
        }

        /** An action during a ramp. */
        public GuardActed(String version, String stage, GuardAction action, String guard, String observed,
                          String threshold, String reason, List<String> evidenceIds, String restoredVersion) {
            this(version, stage, action, guard, observed, threshold, reason, evidenceIds, restoredVersion, null);
        }
    }

    /** The final stage completed and the post-promotion watch began: the armed guards apply until {@code until}. */
    record WatchStarted(String version, String stage, int traffic, Instant until, List<WatchGuard> guards)
            implements RolloutEffect {
        public WatchStarted {
            guards = List.copyOf(guards);
        }
    }

    /** The post-promotion watch ended: it ran out cleanly, or an action ended it. */
    record WatchEnded(String version, String stage, int traffic, WatchOutcome outcome, String reason)
            implements RolloutEffect {
    }

    /** The rollout is held at its current traffic (a person, a failed deployment, or the kill switch). */
    record Paused(String version, String stage, int traffic, String actor, String reason) implements RolloutEffect {
    }

    /** A paused rollout continues. */
    record Resumed(String version, String stage, int traffic, String actor, String reason) implements RolloutEffect {
    }

    /** A person aborted the rollout; its traffic was returned to {@code restoredVersion}. */
    record Aborted(String version, String stage, String actor, String reason, String restoredVersion)
            implements RolloutEffect {
    }

    /** The final stage soaked cleanly; the version is now the target's stable version. */
    record Completed(String version, String stage, int traffic) implements RolloutEffect {
    }

    /** A monitoring checkpoint inside a live stage was reached (e.g. T+30m). */
    record CheckpointReached(String version, String stage, int traffic, Duration offset) implements RolloutEffect {
    }

    /** A hotfix went live and owes something by {@code dueAt}. */
    record ObligationCreated(String version, ObligationKind kind, Instant dueAt) implements RolloutEffect {
    }

    /** An obligation passed its due time unfulfilled. */
    record ObligationOverdue(String version, ObligationKind kind, Instant dueAt) implements RolloutEffect {
    }

    /** A deployment command for the deployers of the target. */
    record CommandIssued(long sequence, String commandId, String version, int traffic, String reason,
                         String previousVersion) implements RolloutEffect {
    }

    /** A command was not acknowledged within the ack timeout. */
    record CommandUnacknowledged(long sequence, String commandId, String version, int traffic, Instant issuedAt,
                                 Duration timeout) implements RolloutEffect {
    }

    /** A KILL guard tripped: the target's kill switch must be recorded as activated by the controller. */
    record KillRequested(String version, String guard, String reason) implements RolloutEffect {
    }
}
