package dev.greenlight.integrations.subscriptions.application;

import dev.greenlight.integrations.subscriptions.domain.Subscription;
import java.util.List;

/**
 * Subscriptions declared in policies ({@code notify:}), as the latest announced policies say now.
 * Not created, listed or deleted through the API: a policy change is how they change.
 */
public interface DeclaredSubscriptions {

    List<Subscription> all();

    /** None: a service (or test) without policies. */
    static DeclaredSubscriptions none() {
        return List::of;
    }
}
