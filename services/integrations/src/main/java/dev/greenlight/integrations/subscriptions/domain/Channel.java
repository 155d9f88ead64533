package dev.greenlight.integrations.subscriptions.domain;

/** Where a subscription's notifications go, each with its receiver's documented payload. */
public enum Channel {
    /** A Slack incoming webhook; Block Kit blocks with a plain-text fallback. */
    SLACK,
    /** A Microsoft Teams workflow webhook; a message carrying one Adaptive Card. */
    TEAMS,
    /** Any HTTPS endpoint; Greenlight's own JSON, signed with HMAC-SHA256 like GitHub's webhooks. */
    WEBHOOK
}
