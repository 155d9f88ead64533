package dev.greenlight.integrations.notifications.application;

import java.time.Instant;

/**
 * A notification that was given up on, as shown to operators and on the console's deliveries page: which
 * subscription (and whether a policy declared it), which channel kind and host, about which release and
 * event, how often it was tried, the last error and when. Never the URL or the signing secret: a Slack or
 * Teams URL is a credential, so the error text is cleaned of the URL and its path as well.
 *
 * @param dedupeKey      the notification's dedupe key ({@code X-Greenlight-Delivery})
 * @param subscriptionId the subscription ({@code policy/<policy>/<rule>} for a policy's notify: rule)
 * @param channel        SLACK, TEAMS or WEBHOOK
 * @param host           the endpoint's host
 * @param kind           the event kind
 * @param target         the release target (or pattern, for holds and org-wide kill switches)
 * @param attempts       how many times it was tried
 * @param lastError      the last failure: {@code HTTP <status>} or the connection error, without the URL
 * @param failedAt       when it was given up on
 * @param version        the release version, null when the event is not about one release
 * @param stage          the stage, null when not about one stage
 * @param event          the event's one-line title, e.g. "ict-qm 1.2.3 canary: NO_GO"
 * @param declared       whether a policy declared the subscription (rather than the API)
 */
public record DeliveryFailure(String dedupeKey, String subscriptionId, String channel, String host, String kind,
                              String target, int attempts, String lastError, Instant failedAt, String version,
                              String stage, String event, boolean declared) {
}
