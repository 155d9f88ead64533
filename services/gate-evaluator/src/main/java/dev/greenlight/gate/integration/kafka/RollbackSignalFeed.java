package dev.greenlight.gate.integration.kafka;

import dev.greenlight.events.GuardAction;
import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.KillSwitchDeactivated;
import dev.greenlight.events.RollbackTriggered;
import dev.greenlight.events.RolloutAborted;
import dev.greenlight.gate.integration.domain.RollbackSignals;
import dev.greenlight.platform.kafka.TopicFollower;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.SmartLifecycle;

/**
 * Feeds {@link RollbackSignals} from the topics where "roll back" is said: the kill switch per
 * target, the org-wide kill switch by pattern, and the rollout-controller's rollbacks and aborts on
 * the rollouts topic. Every gate instance reads the whole of each topic (a view, like a global
 * store: no group, nothing committed), so any instance answers a Flagger rollback webhook without
 * redirecting it. The gate's Streams topology is left alone: this is a read model beside it.
 */
public final class RollbackSignalFeed implements SmartLifecycle {

    private final RollbackSignals signals = new RollbackSignals();
    private final List<TopicFollower<SpecificRecord>> followers;

    public RollbackSignalFeed(Map<String, Object> clientConfig, SchemaRegistryClient registry) {
        this.followers = List.of(follower(clientConfig, registry, Topics.KILL_SWITCH),
                follower(clientConfig, registry, Topics.KILL_SWITCH_PATTERNS),
                follower(clientConfig, registry, Topics.ROLLOUTS));
    }

    private TopicFollower<SpecificRecord> follower(Map<String, Object> clientConfig, SchemaRegistryClient registry,
                                                   Topic<SpecificRecord> topic) {
        String view = "gate-rollback-signals-" + topic.name();
        return new TopicFollower<>(view, topic, TopicFollower.consumers(clientConfig, view, topic, registry),
                record -> apply(topic, record), () -> { });
    }

    /** Why {@code target@version} must be rolled back, from what was read so far. */
    public Optional<String> rollbackReason(String target, String version) {
        synchronized (signals) {
            return signals.rollbackReason(target, version);
        }
    }

    /** Whether every topic was read up to where it ended at start-up. */
    public boolean isCaughtUp() {
        return followers.stream().allMatch(TopicFollower::isCaughtUp);
    }

    /** Waits until {@link #isCaughtUp()}; returns whether it happened within {@code timeout}. */
    public boolean awaitCaughtUp(Duration timeout) {
        return followers.stream().allMatch(f -> f.awaitCaughtUp(timeout));
    }

    private void apply(Topic<SpecificRecord> topic, ConsumerRecord<String, SpecificRecord> record) {
        SpecificRecord event = record.value();
        synchronized (signals) {
            boolean patterns = topic.equals(Topics.KILL_SWITCH_PATTERNS);
            if (event instanceof KillSwitchActivated on) {
                flip(patterns, on.getTarget(), true, on.getReason() + " (" + on.getActivatedBy() + ")");
            } else if (event instanceof KillSwitchDeactivated off) {
                flip(patterns, off.getTarget(), false, null);
            } else if (event instanceof RollbackTriggered trip && trip.getAction() != GuardAction.PAUSE) {
                signals.rolledBack(trip.getTarget(), trip.getVersion(),
                        "guard " + trip.getGuard() + " " + trip.getAction() + ": " + trip.getReason());
            } else if (event instanceof RolloutAborted abort) {
                signals.rolledBack(abort.getTarget(), abort.getVersion(),
                        "aborted by " + abort.getAbortedBy() + ": " + abort.getReason());
            }
        }
    }

    private void flip(boolean pattern, String target, boolean active, String reason) {
        if (pattern) {
            signals.patternKillSwitch(target, active, reason);
        } else {
            signals.killSwitch(target, active, reason);
        }
    }

    @Override
    public void start() {
        followers.forEach(TopicFollower::start);
    }

    @Override
    public void stop() {
        followers.forEach(TopicFollower::stop);
    }

    @Override
    public boolean isRunning() {
        return followers.stream().anyMatch(TopicFollower::isRunning);
    }
}
