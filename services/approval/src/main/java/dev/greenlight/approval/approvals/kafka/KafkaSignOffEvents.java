package dev.greenlight.approval.approvals.kafka;

import dev.greenlight.approval.approvals.application.SignOffEvents;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.topics.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;

/** Publishes verdicts to the approvals topic, keyed by target, and waits for the broker's ack. */
@Component
class KafkaSignOffEvents implements SignOffEvents {

    private final EventPublisher publisher;

    KafkaSignOffEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(String target, SpecificRecord event) {
        publisher.publish(Topics.APPROVALS, target, event);
    }
}
