package dev.greenlight.rollout.domain;

import java.time.Duration;
import java.util.List;

/**
 * A policy stage as the rollout controller needs it, copied into the rollout when it starts so a
 * policy file edited mid-ramp cannot change the traffic steps or soak of a running rollout.
 *
 * @param soak zero when the stage has none
 * @param checkpoints offsets from entering the stage at which a monitor checkpoint is reported
 * @param requiredCheckpoints names of the policy's checkpoints of the stage (decided by the gate):
 *                            the stage completes only once each was decided GO
 */
public record StagePlan(String name, int traffic, Duration soak, List<Duration> checkpoints,
                        List<String> requiredCheckpoints) {

    public StagePlan {
        soak = soak == null ? Duration.ZERO : soak;
        checkpoints = List.copyOf(checkpoints);
        requiredCheckpoints = requiredCheckpoints == null ? List.of() : List.copyOf(requiredCheckpoints);
    }

    /** A stage without policy checkpoints. */
    public StagePlan(String name, int traffic, Duration soak, List<Duration> checkpoints) {
        this(name, traffic, soak, checkpoints, List.of());
    }
}
