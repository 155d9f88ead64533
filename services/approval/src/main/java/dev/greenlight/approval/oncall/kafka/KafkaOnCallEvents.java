package dev.greenlight.approval.oncall.kafka;

import dev.greenlight.approval.oncall.application.OnCallEvents;
import dev.greenlight.events.OnCallAcknowledged;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.topics.Topics;
import org.springframework.stereotype.Component;

/** Publishes acknowledgements to the approvals topic, keyed by target, and waits for the broker's ack. */
@Component
class KafkaOnCallEvents implements OnCallEvents {

    private final EventPublisher publisher;

    KafkaOnCallEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(OnCallAcknowledged event) {
        publisher.publish(Topics.APPROVALS, event.getTarget(), event);
    }
}
