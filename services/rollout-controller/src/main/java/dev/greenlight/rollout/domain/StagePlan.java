package dev.greenlight.rollout.domain;

import java.time.Duration;
import java.util.List;

/**
 * A policy stage as the rollout controller needs it, copied into the rollout when it starts so a
 * policy file edited mid-ramp cannot change the traffic steps or soak of a running rollout.
 *
 * @param soak zero when the stage has none
 * @param checkpoints offsets from entering the stage at which a monitor checkpoint is reported
 */
public record StagePlan(String name, int traffic, Duration soak, List<Duration> checkpoints) {

    public StagePlan {
        soak = soak == null ? Duration.ZERO : soak;
        checkpoints = List.copyOf(checkpoints);
    }
}
