package dev.greenlight.integrations.subscriptions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.integrations.notifications.domain.NotificationPlanner;
import dev.greenlight.integrations.notifications.domain.Occurrence;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.parser.PolicyParser;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A policy's notify: rules as subscriptions: secrets resolved by name, targets defaulted, one notification per rule. */
class PolicySubscriptionsTest {

    static final Policy POLICY = new PolicyParser().parse("payments.yaml", """
            name: payments
            version: "3"
            governs:
              targets: [payments-*, ledger]
            stages:
              - name: live
                traffic: 100
            notify:
              - name: team-x
                events: [decision-changed, approval-needed]
                channel: slack
                secretRef: team-x-slack
              - name: pager
                targets: [payments-core]
                events: [guard-tripped]
                channel: webhook
                secretRef: pager-hook
              - name: unconfigured
                events: [hold-placed]
                channel: teams
                secretRef: nobody-configured-this
            """);

    static final Map<String, Endpoint> SECRETS = Map.of(
            "team-x-slack", new Endpoint(URI.create("https://hooks.slack.com/services/T/B/X"), null),
            "pager-hook", new Endpoint(URI.create("https://pager.example.com/hook"), "pager-signing-secret-1"));

    @Test
    void rulesBecomeSubscriptionsWithTheirSecretsAndTheGovernedTargetsByDefault() {
        PolicySubscriptions.Derived derived = PolicySubscriptions.of(List.of(POLICY), SECRETS, false);

        assertThat(derived.subscriptions()).extracting(s -> s.id() + " " + s.pattern().text() + " " + s.channel())
                .containsExactly("policy/payments/team-x payments-* SLACK", "policy/payments/team-x ledger SLACK",
                        "policy/payments/pager payments-core WEBHOOK");
        assertThat(derived.subscriptions().get(2).endpoint().secret()).isEqualTo("pager-signing-secret-1");
        assertThat(derived.subscriptions()).allSatisfy(s -> {
            assertThat(PolicySubscriptions.declared(s)).isTrue();
            assertThat(s.createdBy()).isEqualTo("policy payments@3");
            assertThat(s.eventId()).isEqualTo(POLICY.contentHash());
        });
        assertThat(derived.problems()).singleElement().asString().contains("policy/payments/unconfigured")
                .contains("nobody-configured-this");
        assertThat(derived.unresolvedSecretRefs()).containsExactly("policy/payments/unconfigured");
        assertThat(derived.subscriptions()).extracting(PolicySubscriptions::policyOf).containsOnly(
                "payments@" + POLICY.contentHash());
    }

    @Test
    void aRuleCoveringTheTargetWithSeveralPatternsNotifiesOnce() {
        List<Subscription> subscriptions = PolicySubscriptions.of(List.of(POLICY),
                Map.of("team-x-slack", SECRETS.get("team-x-slack")), false).subscriptions();
        Occurrence decision = new Occurrence("d-1:DECISION_CHANGED", EventKind.DECISION_CHANGED, "payments-core", "1.0.0",
                "live", "payments-core 1.0.0 live: GO", "ok", List.of(), Instant.EPOCH);
        Occurrence elsewhere = new Occurrence("d-2:DECISION_CHANGED", EventKind.DECISION_CHANGED, "shop", "1.0.0",
                "live", "shop 1.0.0 live: GO", "ok", List.of(), Instant.EPOCH);

        assertThat(NotificationPlanner.plan(decision, subscriptions)).hasSize(1);
        assertThat(NotificationPlanner.plan(elsewhere, subscriptions)).isEmpty();
    }

    @Test
    void aConfiguredUrlRefusedAtRuntimeIsRefusedHereToo() {
        PolicySubscriptions.Derived derived = PolicySubscriptions.of(List.of(POLICY), Map.of(
                "team-x-slack", new Endpoint(URI.create("http://hooks.slack.com/plain"), null)), false);

        assertThat(derived.subscriptions()).isEmpty();
        assertThat(derived.problems()).anySatisfy(p -> assertThat(p).contains("team-x").contains("https"));
    }
}
