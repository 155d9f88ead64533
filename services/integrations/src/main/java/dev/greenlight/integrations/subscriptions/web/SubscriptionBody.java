package dev.greenlight.integrations.subscriptions.web;

import java.util.List;

/** Body of {@code POST /api/v1/subscriptions}. Plain strings so each bad field is reported by name. */
record SubscriptionBody(String target, List<String> kinds, String channel, String url, String secret) {
}
