package dev.greenlight.integrations.subscriptions.web;

import dev.greenlight.integrations.subscriptions.domain.Subscription;
import java.time.Instant;
import java.util.List;

/**
 * A subscription as listed: never its URL or secret (credentials), only the endpoint's host.
 */
record SubscriptionResponse(String subscriptionId, String target, List<String> kinds, String channel,
                            String endpointHost, String createdBy, Instant createdAt, String eventId) {

    static SubscriptionResponse of(Subscription s) {
        return new SubscriptionResponse(s.id(), s.pattern().text(), s.kinds().stream().map(Enum::name).sorted().toList(),
                s.channel().name(), s.endpointHost(), s.createdBy(), s.createdAt(), s.eventId());
    }
}
