package dev.greenlight.integrations.subscriptions.application;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.SubscriptionDeleted;
import dev.greenlight.integrations.subscriptions.domain.PolicySubscriptions;
import dev.greenlight.integrations.subscriptions.domain.Subscription;
import dev.greenlight.integrations.subscriptions.domain.SubscriptionRules;
import dev.greenlight.integrations.subscriptions.domain.Subscriptions;
import dev.greenlight.platform.failures.NotFoundException;
import dev.greenlight.platform.failures.NotPermittedException;
import dev.greenlight.platform.security.Actor;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Ends a subscription ({@code SubscriptionDeleted}) for its creator or the authority role. One a
 * policy declares is refused whoever asks: it ends with a new version of that policy.
 */
@Service
public class DeleteSubscription {

    private final SubscriptionRules rules;
    private final Subscriptions subscriptions;
    private final DeclaredSubscriptions declared;
    private final SubscriptionEvents events;
    private final Clock clock;

    DeleteSubscription(SubscriptionRules rules, Subscriptions subscriptions, DeclaredSubscriptions declared,
                       SubscriptionEvents events, Clock clock) {
        this.rules = rules;
        this.subscriptions = subscriptions;
        this.declared = declared;
        this.events = events;
        this.clock = clock;
    }

    /** @return the deletion's event id */
    public String delete(String id, Actor actor) {
        declared.all().stream().filter(s -> s.id().equals(id)).findFirst().ifPresent(fromPolicy -> {
            throw new DeclaredInPolicyException("subscription " + id + " comes from policy "
                    + PolicySubscriptions.policyOf(fromPolicy) + " (notify:); change the policy to remove it");
        });
        Subscription subscription = subscriptions.byId(id)
                .orElseThrow(() -> new NotFoundException("no standing subscription " + id));
        String refusal = rules.refusalToDelete(actor, subscription);
        if (refusal != null) {
            throw new NotPermittedException(refusal);
        }
        String eventId = UUID.randomUUID().toString();
        events.publish(id, SubscriptionDeleted.newBuilder()
                .setMeta(EventMetadata.newBuilder().setEventId(eventId).setOccurredAt(clock.instant())
                        .setPrincipal(actor.name()).build())
                .setTarget(subscription.pattern().text())
                .setSubscriptionId(id)
                .setDeletedBy(actor.name())
                .build());
        subscriptions.remove(id);
        return eventId;
    }
}
