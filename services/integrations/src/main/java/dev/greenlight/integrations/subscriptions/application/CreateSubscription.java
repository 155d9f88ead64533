package dev.greenlight.integrations.subscriptions.application;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.SubscriptionCreated;
import dev.greenlight.integrations.subscriptions.domain.Subscription;
import dev.greenlight.integrations.subscriptions.domain.SubscriptionRequest;
import dev.greenlight.integrations.subscriptions.domain.SubscriptionRules;
import dev.greenlight.integrations.subscriptions.domain.Subscriptions;
import dev.greenlight.platform.failures.NotPermittedException;
import dev.greenlight.platform.security.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Records a subscription under the authenticated caller: {@code SubscriptionCreated} with the channel's
 * credentials sealed, answered only once Kafka stored it. A caller without a subscribing role is
 * refused before anything is written.
 */
@Service
public class CreateSubscription {

    private final SubscriptionRules rules;
    private final Subscriptions subscriptions;
    private final SubscriptionEvents events;
    private final EndpointSeal seal;
    private final Clock clock;

    CreateSubscription(SubscriptionRules rules, Subscriptions subscriptions, SubscriptionEvents events,
                       EndpointSeal seal, Clock clock) {
        this.rules = rules;
        this.subscriptions = subscriptions;
        this.events = events;
        this.seal = seal;
        this.clock = clock;
    }

    public Subscription create(SubscriptionRequest request, Actor actor) {
        String refusal = rules.refusalToCreate(actor);
        if (refusal != null) {
            throw new NotPermittedException(refusal);
        }
        String id = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        events.publish(id, SubscriptionCreated.newBuilder()
                .setMeta(EventMetadata.newBuilder().setEventId(eventId).setOccurredAt(now)
                        .setPrincipal(actor.name()).build())
                .setTarget(request.pattern().text())
                .setSubscriptionId(id)
                .setKinds(request.kinds().stream().map(Enum::name).sorted().toList())
                .setChannel(request.channel().name())
                .setEndpointHost(request.endpoint().url().getHost())
                .setSealedEndpoint(seal.seal(id, request.endpoint()))
                .setCreatedBy(actor.name())
                .build());
        Subscription subscription = new Subscription(id, request.pattern(), request.kinds(), request.channel(),
                request.endpoint(), actor.name(), now, eventId);
        subscriptions.record(subscription);
        return subscription;
    }
}
