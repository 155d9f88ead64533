package dev.greenlight.policy.model;

/**
 * A guard of the policy's final stage that stays armed during the post-promotion watch, with what a
 * trip does then. The action is the guard's own unless the watch says otherwise: a contract
 * regression may hold a release (PAUSE) during the watch although it would roll back a ramp.
 *
 * @param guard name of a guard of the final stage
 */
public record WatchGuard(String guard, GuardAction action) {
}
