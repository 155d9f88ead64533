package dev.greenlight.integrations.subscriptions.kafka;

import dev.greenlight.integrations.subscriptions.application.SubscriptionEvents;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.topics.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;

/** Publishes subscription events keyed by subscription id (the compaction key) and waits for the ack. */
@Component
class KafkaSubscriptionEvents implements SubscriptionEvents {

    private final EventPublisher publisher;

    KafkaSubscriptionEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(String subscriptionId, SpecificRecord event) {
        publisher.publish(Topics.SUBSCRIPTIONS, subscriptionId, event);
    }
}
