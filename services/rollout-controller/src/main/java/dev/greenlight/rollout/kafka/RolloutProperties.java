package dev.greenlight.rollout.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code greenlight.rollout.*}: how often deadlines are checked, and the operational knobs of the
 * state machine that no gate policy sets. (Policies are not configured here: the controller uses
 * the texts the gate announced on {@code greenlight.policies}.)
 *
 * @param tickInterval how often soak, checkpoints, deadlines and ack timeouts are checked
 * @param ackTimeout how long a deployer may take to acknowledge a command before an alert event
 * @param checkpoints monitor checkpoints of every stage without its own entry in {@code stageCheckpoints}
 * @param stageCheckpoints monitor checkpoints per stage name
 */
@ConfigurationProperties("greenlight.rollout")
public record RolloutProperties(Duration tickInterval, Duration ackTimeout, List<Duration> checkpoints,
                                Map<String, List<Duration>> stageCheckpoints) {

    public RolloutProperties {
        tickInterval = tickInterval == null ? Duration.ofSeconds(1) : tickInterval;
        ackTimeout = ackTimeout == null ? Duration.ofMinutes(5) : ackTimeout;
        checkpoints = checkpoints == null
                ? List.of(Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ofMinutes(120)) : checkpoints;
        stageCheckpoints = stageCheckpoints == null ? Map.of() : stageCheckpoints;
    }
}
