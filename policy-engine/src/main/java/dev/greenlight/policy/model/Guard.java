package dev.greenlight.policy.model;

import java.time.Duration;

/**
 * A rollback rule for a live stage, taken from the runbooks' rollback tables.
 *
 * @param within how soon the action must happen after the trigger; null means immediately
 */
public record Guard(String name, GuardTrigger trigger, GuardAction action, Duration within) {
}
