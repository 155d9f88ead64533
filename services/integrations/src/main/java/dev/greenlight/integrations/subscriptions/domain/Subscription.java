package dev.greenlight.integrations.subscriptions.domain;

import dev.greenlight.identity.TargetPattern;
import java.time.Instant;
import java.util.Set;

/**
 * A standing subscription, as recorded and read back.
 *
 * @param id        stable id, the record key of its events
 * @param pattern   the targets it covers
 * @param kinds     what it is told about
 * @param channel   how
 * @param endpoint  where (credentials; never listed)
 * @param createdBy its owner
 * @param createdAt when it was created
 * @param eventId   the SubscriptionCreated's event id
 */
public record Subscription(String id, TargetPattern pattern, Set<EventKind> kinds, Channel channel, Endpoint endpoint,
                           String createdBy, Instant createdAt, String eventId) {

    public Subscription {
        kinds = Set.copyOf(kinds);
    }

    /** The host of the endpoint, the one part of it that is shown. */
    public String endpointHost() {
        return endpoint.url().getHost();
    }
}
