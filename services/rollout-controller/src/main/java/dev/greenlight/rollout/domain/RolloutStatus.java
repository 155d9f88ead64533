package dev.greenlight.rollout.domain;

/**
 * Where one release's rollout stands. The three last states are terminal or frozen: nothing but an
 * explicit human action (resume after a kill switch is lifted, or a new release) moves traffic again.
 */
public enum RolloutStatus {
    /** Registered, nothing deployed yet; waits for GO on its entry stage. */
    PENDING,
    /** A stage's traffic was commanded; guards watch it until its soak has passed. */
    STAGE_LIVE,
    /** The stage soaked cleanly; waits for GO on the next stage. */
    AWAITING_GATE,
    /**
     * The final stage soaked with its deployment applied; the policy's post-promotion watch keeps its
     * armed guards on the version until the watch ends, then it completes.
     */
    WATCHING,
    /** Held at its current traffic by a guard, a failed deployment or a person; only resume moves it. */
    PAUSED,
    /** Traffic of the version went to 0, the last stable version restored. Terminal. */
    ROLLED_BACK,
    /** Frozen at 0 % by the target's kill switch; after deactivation it becomes PAUSED. */
    KILLED,
    /** The final stage soaked cleanly; the version is the target's stable version. Terminal. */
    COMPLETED;

    /** Whether the rollout can still change traffic of its version. */
    public boolean active() {
        return this != ROLLED_BACK && this != COMPLETED;
    }
}
