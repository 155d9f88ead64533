package dev.greenlight.integrations.notifications.application;

import dev.greenlight.integrations.notifications.domain.DecisionChanges;
import dev.greenlight.integrations.notifications.domain.DecisionFacts;
import dev.greenlight.integrations.notifications.domain.NotificationPlanner;
import dev.greenlight.integrations.notifications.domain.Occurrence;
import dev.greenlight.integrations.subscriptions.application.DeclaredSubscriptions;
import dev.greenlight.integrations.subscriptions.domain.Subscription;
import dev.greenlight.integrations.subscriptions.domain.Subscriptions;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The delivery path: occurrences (and decisions, through {@link DecisionChanges}) → planned notifications →
 * delivered, to runtime subscriptions and to those the announced policies declare ({@code notify:}).
 */
@Service
public class Notify {

    private final Subscriptions subscriptions;
    private final DeclaredSubscriptions declared;
    private final Deliveries deliveries;
    private final DecisionChanges changes = new DecisionChanges();

    Notify(Subscriptions subscriptions, DeclaredSubscriptions declared, Deliveries deliveries) {
        this.subscriptions = subscriptions;
        this.declared = declared;
        this.deliveries = deliveries;
    }

    public void on(Occurrence occurrence) {
        List<Subscription> standing = new ArrayList<>(subscriptions.all());
        standing.addAll(declared.all());
        deliveries.deliver(NotificationPlanner.plan(occurrence, standing));
    }

    /** The delivery path's view of the last verdicts, primed from the decisions before the committed offsets. */
    public DecisionChanges changes() {
        return changes;
    }

    public void on(DecisionFacts decision) {
        changes.on(decision).forEach(this::on);
    }
}
