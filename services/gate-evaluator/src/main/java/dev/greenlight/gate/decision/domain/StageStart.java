package dev.greenlight.gate.decision.domain;

import java.time.Instant;

/**
 * A release's rollout entered {@code stage} at {@code startedAt} (the rollout controller's
 * {@code RolloutStepStarted}): the instant its checkpoints' offsets count from and their
 * {@code stageStart} baselines are read at.
 */
public record StageStart(String version, String stage, Instant startedAt) {

    /**
     * The key a checkpoint's last verdict is kept under, beside the stages' own: a stage entered
     * again (resumed after a kill switch) starts its checkpoints afresh.
     */
    public static String verdictKey(String stage, String checkpoint, Instant startedAt) {
        return stage + "#" + checkpoint + "@" + startedAt.toEpochMilli();
    }
}
