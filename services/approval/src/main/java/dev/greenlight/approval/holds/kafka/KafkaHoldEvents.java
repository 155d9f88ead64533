package dev.greenlight.approval.holds.kafka;

import dev.greenlight.approval.holds.application.HoldEvents;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.topics.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;

/** Publishes holds to the holds topic, keyed by target pattern, and waits for the broker's ack. */
@Component
class KafkaHoldEvents implements HoldEvents {

    private final EventPublisher publisher;

    KafkaHoldEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(String targetPattern, SpecificRecord event) {
        publisher.publish(Topics.HOLDS, targetPattern, event);
    }
}
