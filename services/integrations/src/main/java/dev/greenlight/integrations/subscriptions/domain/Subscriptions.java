package dev.greenlight.integrations.subscriptions.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The standing subscriptions, folded from the subscriptions topic by the view and updated at once by
 * the instance that wrote an event (so a caller sees their own subscription right after the 201).
 */
public class Subscriptions {

    private final Map<String, Subscription> byId = new ConcurrentHashMap<>();

    public void record(Subscription subscription) {
        byId.put(subscription.id(), subscription);
    }

    public void remove(String id) {
        byId.remove(id);
    }

    public Optional<Subscription> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every standing subscription, oldest first. */
    public List<Subscription> all() {
        return byId.values().stream()
                .sorted(Comparator.comparing(Subscription::createdAt).thenComparing(Subscription::id))
                .toList();
    }
}
