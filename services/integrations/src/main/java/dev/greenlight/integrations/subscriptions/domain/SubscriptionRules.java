package dev.greenlight.integrations.subscriptions.domain;

import dev.greenlight.platform.security.Actor;
import java.util.Set;

/**
 * Who may subscribe and unsubscribe. A subscription grants no authority, but it does send facts about
 * releases to a third-party endpoint, so it takes a role of people who run releases (configurable);
 * machine publishers cannot. A subscription is deleted by its creator (under any alias) or by the
 * authority role.
 *
 * @param createRoles   roles that may create subscriptions
 * @param authorityRole role that may delete anybody's subscription
 */
public record SubscriptionRules(Set<String> createRoles, String authorityRole) {

    public SubscriptionRules {
        createRoles = Set.copyOf(createRoles);
    }

    /** Why {@code actor} may not subscribe, or null when they may. */
    public String refusalToCreate(Actor actor) {
        return createRoles.stream().anyMatch(actor::hasRole) ? null
                : actor.name() + " holds none of the roles that may subscribe " + createRoles.stream().sorted().toList();
    }

    /** Why {@code actor} may not delete {@code subscription}, or null when they may. */
    public String refusalToDelete(Actor actor, Subscription subscription) {
        return actor.isKnownAs(subscription.createdBy()) || actor.hasRole(authorityRole) ? null
                : "only its creator " + subscription.createdBy() + " or the " + authorityRole
                        + " role may delete subscription " + subscription.id();
    }
}
