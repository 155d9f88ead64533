package dev.greenlight.integrations.subscriptions.kafka;

import dev.greenlight.events.SubscriptionCreated;
import dev.greenlight.events.SubscriptionDeleted;
import dev.greenlight.identity.TargetPattern;
import dev.greenlight.integrations.subscriptions.application.EndpointSeal;
import dev.greenlight.integrations.subscriptions.domain.Channel;
import dev.greenlight.integrations.subscriptions.domain.Endpoint;
import dev.greenlight.integrations.subscriptions.domain.EventKind;
import dev.greenlight.integrations.subscriptions.domain.Subscription;
import dev.greenlight.integrations.subscriptions.domain.Subscriptions;
import java.util.EnumSet;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link Subscriptions} in step with the subscriptions topic, so every instance delivers to
 * subscriptions created through any instance or before a restart. Reads the whole (compacted) topic
 * in a fresh group under the {@code integrations-} prefix its Kafka user may join. A kind written by a
 * newer version is skipped rather than failing the subscription; one sealed under another key is
 * logged and left out (it cannot be delivered) rather than parked on the dead-letter topic.
 */
@Component
class SubscriptionView {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionView.class);

    private final Subscriptions subscriptions;
    private final EndpointSeal seal;

    SubscriptionView(Subscriptions subscriptions, EndpointSeal seal) {
        this.subscriptions = subscriptions;
        this.seal = seal;
    }

    @KafkaListener(topics = "#{T(dev.greenlight.platform.topics.Topics).SUBSCRIPTIONS.name()}",
            groupId = "integrations-view-subscriptions-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=earliest")
    void on(SpecificRecord event) {
        if (event instanceof SubscriptionCreated created) {
            Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
            for (String kind : created.getKinds()) {
                try {
                    kinds.add(EventKind.valueOf(kind));
                } catch (IllegalArgumentException unknown) {
                    log.warn("subscription {}: unknown kind {} skipped", created.getSubscriptionId(), kind);
                }
            }
            Endpoint endpoint;
            try {
                endpoint = seal.open(created.getSubscriptionId(), created.getSealedEndpoint());
            } catch (IllegalStateException e) {
                // Sealed under another key (a lost or rotated key): nothing can be delivered to it; re-create it.
                log.error("subscription {} ({} on {}) cannot be opened and is not delivered: {}",
                        created.getSubscriptionId(), created.getChannel(), created.getEndpointHost(), e.getMessage());
                return;
            }
            subscriptions.record(new Subscription(created.getSubscriptionId(), new TargetPattern(created.getTarget()),
                    kinds, Channel.valueOf(created.getChannel()), endpoint, created.getCreatedBy(),
                    created.getMeta().getOccurredAt(), created.getMeta().getEventId()));
        } else if (event instanceof SubscriptionDeleted deleted) {
            subscriptions.remove(deleted.getSubscriptionId());
        }
    }
}
