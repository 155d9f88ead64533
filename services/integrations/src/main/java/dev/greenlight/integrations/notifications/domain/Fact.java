package dev.greenlight.integrations.notifications.domain;

/** One labelled detail of an occurrence, shown as a field (Slack), a fact (Teams) or a JSON member. */
public record Fact(String name, String value) {
}
