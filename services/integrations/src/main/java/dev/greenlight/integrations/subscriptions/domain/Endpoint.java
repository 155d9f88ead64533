package dev.greenlight.integrations.subscriptions.domain;

import java.net.URI;

/**
 * A channel's credentials: the URL (a Slack or Teams webhook URL is itself a secret) and, for a
 * generic webhook, the HMAC secret. Never listed, never logged, recorded only sealed.
 *
 * @param url    where notifications are posted
 * @param secret the signing secret of a WEBHOOK channel; null for SLACK and TEAMS
 */
public record Endpoint(URI url, String secret) {

    @Override
    public String toString() {
        return "Endpoint[" + (url == null ? "" : url.getHost()) + "]";
    }
}
