package dev.greenlight.policy.model;

import java.time.Duration;
import java.util.List;

/**
 * A monitoring point inside a live stage, as the RL playbook's T+30 / T+60 / T+120: its criteria
 * are evaluated {@code at} after the stage started and the result is a recorded decision, not a
 * timer for a guard. A failed checkpoint makes the rollout controller take {@code onFail} and, where
 * declared, owe an {@code obligation}; a stage completes only once all its checkpoints passed.
 *
 * <p>Inside a checkpoint, an {@code alerts} or {@code metric} criterion without a {@code window}
 * looks at the stage so far ({@code (stageStart, T]}), and a metric's {@code baseline: stageStart}
 * is the same metric's value when the stage started (degradation against the ramp's start).
 *
 * @param at offset from the stage start at which the checkpoint is decided
 * @param onFail what the rollout controller does when the checkpoint fails
 * @param obligation owed after a failure; null when none
 */
public record Checkpoint(String name, Duration at, List<Criterion> criteria, GuardAction onFail,
                         CheckpointObligation obligation) {

    /** The {@code baseline} of a checkpoint's metric criterion that means "its value when the stage started". */
    public static final String STAGE_START_BASELINE = "stageStart";

    public Checkpoint {
        criteria = List.copyOf(criteria);
    }
}
