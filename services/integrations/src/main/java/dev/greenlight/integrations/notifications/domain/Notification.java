package dev.greenlight.integrations.notifications.domain;

import dev.greenlight.integrations.subscriptions.domain.Subscription;

/**
 * One occurrence for one subscription. {@code dedupeKey} is the same every time the same fact is
 * delivered to the same subscription (a redelivery after a crash included), so a receiver can drop
 * repeats; it travels as the {@code X-Greenlight-Delivery} header and in webhook bodies.
 */
public record Notification(String dedupeKey, Subscription subscription, Occurrence occurrence) {
}
