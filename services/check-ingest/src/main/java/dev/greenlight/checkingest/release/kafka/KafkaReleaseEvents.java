package dev.greenlight.checkingest.release.kafka;

import dev.greenlight.checkingest.kafka.AtomicPublisher;
import dev.greenlight.checkingest.kafka.Outgoing;
import dev.greenlight.checkingest.release.application.ReleaseEvents;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.platform.topics.Topics;
import java.util.List;
import org.springframework.stereotype.Component;

/** Publishes registrations to the releases topic, keyed by target, and waits for the broker's ack. */
@Component
class KafkaReleaseEvents implements ReleaseEvents {

    private final AtomicPublisher publisher;

    KafkaReleaseEvents(AtomicPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(ReleaseRegistered event) {
        publisher.publishAll(List.of(new Outgoing<>(Topics.RELEASES, event.getTarget(), event)));
    }
}
