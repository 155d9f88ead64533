package dev.greenlight.rollout.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Operational knobs of the state machine that are not part of a gate policy.
 *
 * @param defaultCheckpoints monitor checkpoints of a stage that has no entry in {@code stageCheckpoints}
 * @param ackTimeout how long a deployer may take to acknowledge a command before an alert is raised
 */
public record RolloutSettings(List<Duration> defaultCheckpoints, Map<String, List<Duration>> stageCheckpoints,
                              Duration ackTimeout, Duration postMortemDue,
                              Duration properReleaseDue) {

    public RolloutSettings {
        defaultCheckpoints = List.copyOf(defaultCheckpoints);
        stageCheckpoints = Map.copyOf(stageCheckpoints);
    }

    /** T+30m, T+60m, T+120m (the RL playbook's decision points), 5 min ack timeout. Who may steer rollouts is the policy's rollout control. */
    public static RolloutSettings defaults() {
        return new RolloutSettings(List.of(Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ofMinutes(120)),
                Map.of(), Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofHours(48));
    }

    public List<Duration> checkpointsFor(String stage) {
        return stageCheckpoints.getOrDefault(stage, defaultCheckpoints);
    }
}
