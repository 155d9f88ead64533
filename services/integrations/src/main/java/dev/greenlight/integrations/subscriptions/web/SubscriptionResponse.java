package dev.greenlight.integrations.subscriptions.web;

import dev.greenlight.integrations.subscriptions.domain.PolicySubscriptions;
import dev.greenlight.integrations.subscriptions.domain.Subscription;
import java.time.Instant;
import java.util.List;

/**
 * A subscription as listed: never its URL or secret (credentials), only the endpoint's host.
 * {@code source} says where it stands from: {@code runtime} (the API; {@code createdBy}, {@code createdAt}
 * and {@code eventId} are its {@code SubscriptionCreated}'s) or {@code policy} (a {@code notify:} rule,
 * read-only; {@code policy} is {@code <name>@<content hash>}, and it has no creation event or time).
 */
record SubscriptionResponse(String subscriptionId, String target, List<String> kinds, String channel,
                            String endpointHost, String createdBy, Instant createdAt, String eventId,
                            String source, String policy) {

    static SubscriptionResponse of(Subscription s) {
        List<String> kinds = s.kinds().stream().map(Enum::name).sorted().toList();
        if (PolicySubscriptions.declared(s)) {
            return new SubscriptionResponse(s.id(), s.pattern().text(), kinds, s.channel().name(), s.endpointHost(),
                    s.createdBy(), null, null, "policy", PolicySubscriptions.policyOf(s));
        }
        return new SubscriptionResponse(s.id(), s.pattern().text(), kinds, s.channel().name(), s.endpointHost(),
                s.createdBy(), s.createdAt(), s.eventId(), "runtime", null);
    }
}
