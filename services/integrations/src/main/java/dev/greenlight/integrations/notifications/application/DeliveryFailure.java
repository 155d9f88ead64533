package dev.greenlight.integrations.notifications.application;

import java.time.Instant;

/** A notification that was given up on, as shown to operators (no URL, only the host). */
public record DeliveryFailure(String dedupeKey, String subscriptionId, String channel, String host, String kind,
                              String target, int attempts, String lastError, Instant failedAt) {
}
