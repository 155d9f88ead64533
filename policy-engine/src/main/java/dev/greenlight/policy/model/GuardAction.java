package dev.greenlight.policy.model;

/** What the rollout controller does when a guard trips, mildest first. */
public enum GuardAction {
    PAUSE, ROLLBACK, KILL
}
