package dev.greenlight.integrations.notifications.kafka;

import dev.greenlight.events.GateDecided;
import dev.greenlight.integrations.notifications.application.Notify;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The delivery consumer: its own group ({@code integrations-delivery}) on decisions, rollouts, kill
 * switches and holds, so nothing here is in the gate's path. Offsets are committed after
 * {@link Notify} returned, i.e. after every notification of the record was delivered or given up on:
 * at-least-once. Delivery failures never throw (they are counted and kept), so no record is parked
 * on the dead-letter topic for a receiver's outage.
 */
@Component
public class NotificationListener {

    /** The listener's id, for operators and tests waiting for its partitions. */
    public static final String ID = "notifications";

    private final Notify notify;

    NotificationListener(Notify notify) {
        this.notify = notify;
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
