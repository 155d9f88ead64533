package dev.greenlight.policy.model;

/** Where a policy's {@code notify:} rule is delivered: a Slack or Teams incoming webhook, or a signed generic webhook. */
public enum NotifyChannel {
    SLACK,
    TEAMS,
    WEBHOOK
}
