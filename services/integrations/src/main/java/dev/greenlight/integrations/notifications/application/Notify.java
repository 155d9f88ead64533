package dev.greenlight.integrations.notifications.application;

import dev.greenlight.integrations.notifications.domain.DecisionChanges;
import dev.greenlight.integrations.notifications.domain.DecisionFacts;
import dev.greenlight.integrations.notifications.domain.NotificationPlanner;
import dev.greenlight.integrations.notifications.domain.Occurrence;
import dev.greenlight.integrations.subscriptions.domain.Subscriptions;
import org.springframework.stereotype.Service;

/** The delivery path: occurrences (and decisions, through {@link DecisionChanges}) → planned notifications → delivered. */
@Service
public class Notify {

    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final DecisionChanges changes = new DecisionChanges();

    Notify(Subscriptions subscriptions, Deliveries deliveries) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
    }

    public void on(Occurrence occurrence) {
        deliveries.deliver(NotificationPlanner.plan(occurrence, subscriptions.all()));
    }

    public void on(DecisionFacts decision) {
        changes.on(decision).forEach(this::on);
    }
}
