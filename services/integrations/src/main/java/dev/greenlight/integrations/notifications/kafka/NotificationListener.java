package dev.greenlight.integrations.notifications.kafka;

import dev.greenlight.events.GateDecided;
import dev.greenlight.integrations.notifications.application.Notify;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The delivery consumer: its own group ({@code integrations-delivery}) on decisions, rollouts, kill
 * switches and holds, so nothing here is in the gate's path. Offsets are committed after
 * {@link Notify} returned, i.e. after every notification of the record was delivered or given up on:
 * at-least-once. Delivery failures never throw (they are counted and kept), so no record is parked
 * on the dead-letter topic for a receiver's outage. When assigned its partitions it first reads the
 * decisions it already handled ({@link DecisionHistory}), so a restart does not announce a stage's
 * latest verdict again.
 */
@Component
public class NotificationListener implements ConsumerSeekAware {

    /** The listener's id, for operators and tests waiting for its partitions. */
    public static final String ID = "notifications";

    private final Notify notify;
    private final DecisionHistory history;

    NotificationListener(Notify notify, DecisionHistory history) {
        this.notify = notify;
        this.history = history;
    }

    /** Before the first record: the last verdicts as of the committed offsets, so nothing is announced twice. */
    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        history.replayBefore(assignments, decision -> notify.changes().on(Occurrences.decision(decision)));
    }

    @KafkaListener(id = NotificationListener.ID, groupId = "integrations-delivery", topics = {
            "#{T(dev.greenlight.platform.topics.Topics).DECISIONS.name()}",
            "#{T(dev.greenlight.platform.topics.Topics).ROLLOUTS.name()}",
            "#{T(dev.greenlight.platform.topics.Topics).KILL_SWITCH.name()}",
            "#{T(dev.greenlight.platform.topics.Topics).KILL_SWITCH_PATTERNS.name()}",
            "#{T(dev.greenlight.platform.topics.Topics).HOLDS.name()}"})
    void on(SpecificRecord event) {
        if (event instanceof GateDecided decision) {
            notify.on(Occurrences.decision(decision));
        } else {
            Occurrences.of(event).ifPresent(notify::on);
        }
    }
}
