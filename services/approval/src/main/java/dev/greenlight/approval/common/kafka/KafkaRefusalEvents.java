package dev.greenlight.approval.common.kafka;

import dev.greenlight.approval.common.application.RefusalEvents;
import dev.greenlight.events.ActionRefused;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.topics.Topics;
import org.springframework.stereotype.Component;

/** Refusals share the approvals topic with the verdicts they refused, so the ledger sees them in order. */
@Component
class KafkaRefusalEvents implements RefusalEvents {

    private final EventPublisher publisher;

    KafkaRefusalEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(ActionRefused event) {
        publisher.publish(Topics.APPROVALS, event.getTarget(), event);
    }
}
