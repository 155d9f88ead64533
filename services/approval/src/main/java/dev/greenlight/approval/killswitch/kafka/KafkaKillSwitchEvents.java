package dev.greenlight.approval.killswitch.kafka;

import dev.greenlight.approval.killswitch.application.KillSwitchEvents;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.topics.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;

/** Publishes flips to the kill-switch topic, keyed by target, and waits for the broker's ack. */
@Component
class KafkaKillSwitchEvents implements KillSwitchEvents {

    private final EventPublisher publisher;

    KafkaKillSwitchEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(String target, SpecificRecord event) {
        publisher.publish(Topics.KILL_SWITCH, target, event);
    }
}
