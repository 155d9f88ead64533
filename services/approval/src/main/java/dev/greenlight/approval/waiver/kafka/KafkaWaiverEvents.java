package dev.greenlight.approval.waiver.kafka;

import dev.greenlight.approval.waiver.application.WaiverEvents;
import dev.greenlight.events.WaiverGranted;
import dev.greenlight.events.WaiverRevoked;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.topics.Topics;
import org.springframework.stereotype.Component;

/** Publishes waivers and their revocations to the approvals topic, keyed by target, and waits for the broker's ack. */
@Component
class KafkaWaiverEvents implements WaiverEvents {

    private final EventPublisher publisher;

    KafkaWaiverEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(WaiverGranted event) {
        publisher.publish(Topics.APPROVALS, event.getTarget(), event);
    }

    @Override
    public void publish(WaiverRevoked event) {
        publisher.publish(Topics.APPROVALS, event.getTarget(), event);
    }
}
