package dev.greenlight.checkingest.release.kafka;

import dev.greenlight.checkingest.release.application.ReleaseEvents;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.topics.Topics;
import org.springframework.stereotype.Component;

/** Publishes registrations to the releases topic, keyed by target, and waits for the broker's ack. */
@Component
class KafkaReleaseEvents implements ReleaseEvents {

    private final EventPublisher publisher;

    KafkaReleaseEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(ReleaseRegistered event) {
        publisher.publish(Topics.RELEASES, event.getTarget(), event);
    }
}
