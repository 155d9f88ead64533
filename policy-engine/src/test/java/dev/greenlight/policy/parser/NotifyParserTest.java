package dev.greenlight.policy.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.policy.model.NotifyChannel;
import dev.greenlight.policy.model.NotifyEvent;
import dev.greenlight.policy.model.NotifyRule;
import dev.greenlight.policy.model.Policy;
import org.junit.jupiter.api.Test;

/**
 * The optional {@code notify:} section: subscriptions declared with a policy, naming their channel's
 * credentials only by {@code secretRef} (a policy text is recorded forever), with errors naming the field.
 */
class NotifyParserTest {

    private static final String HEAD = """
            name: p
            version: "1"
            governs:
              targets: [payments-*, ledger]
            stages:
              - name: live
                traffic: 100
            """;

    private final PolicyParser parser = new PolicyParser();

    @Test
    void givenNoSection_thenNoRulesAndTheHashIsThatOfTheText() {
        Policy policy = parser.parse("p.yaml", HEAD);

        assertThat(policy.notifyRules()).isEmpty();
        assertThat(policy.contentHash()).isEqualTo(
                dev.greenlight.policy.engine.Sha256.hex(HEAD.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void givenRules_thenTargetsDefaultToTheGovernedOnesAndKindsAndChannelsAreRead() {
        Policy policy = parser.parse("p.yaml", HEAD + """
                notify:
                  - name: team-x
                    events: [decision-changed, APPROVAL_NEEDED]
                    channel: slack
                    secretRef: team-x-slack
                  - name: pager
                    targets: [payments-core]
                    events: [guard-tripped]
                    channel: webhook
                    secretRef: pager.hook
                """);

        assertThat(policy.notifyRules()).containsExactly(
                new NotifyRule("team-x", java.util.List.of("payments-*", "ledger"),
                        java.util.Set.of(NotifyEvent.DECISION_CHANGED, NotifyEvent.APPROVAL_NEEDED), NotifyChannel.SLACK,
                        "team-x-slack"),
                new NotifyRule("pager", java.util.List.of("payments-core"), java.util.Set.of(NotifyEvent.GUARD_TRIPPED),
                        NotifyChannel.WEBHOOK, "pager.hook"));
    }

    @Test
    void givenAUrlOrSecretInThePolicy_thenItIsRefusedNamingTheField() {
        assertThatThrownBy(() -> parser.parse("p.yaml", HEAD + """
                notify:
                  - name: team-x
                    events: [decision-changed]
                    channel: slack
                    url: https://hooks.slack.com/services/T0/B0/XXXX
                """)).isInstanceOf(PolicyParseException.class).hasMessageContaining("notify 'team-x'")
                .hasMessageContaining("'url'").hasMessageContaining("secretRef");
        assertThatThrownBy(() -> parser.parse("p.yaml", HEAD + """
                notify:
                  - name: team-x
                    events: [decision-changed]
                    channel: slack
                    secretRef: https://hooks.slack.com/services/T0/B0/XXXX
                """)).isInstanceOf(PolicyParseException.class).hasMessageContaining("secretRef")
                .hasMessageContaining("recorded forever");
    }

    @Test
    void givenABadField_thenTheErrorNamesIt() {
        assertThatThrownBy(() -> parser.parse("p.yaml", HEAD + """
                notify:
                  - name: team-x
                    events: [decision-changed]
                    channel: pigeon
                    secretRef: team-x
                """)).isInstanceOf(PolicyParseException.class).hasMessageContaining("channel")
                .hasMessageContaining("pigeon");
        assertThatThrownBy(() -> parser.parse("p.yaml", HEAD + """
                notify:
                  - name: team-x
                    events: []
                    channel: slack
                    secretRef: team-x
                """)).isInstanceOf(PolicyParseException.class).hasMessageContaining("events");
        assertThatThrownBy(() -> parser.parse("p.yaml", HEAD + """
                notify:
                  - name: team-x
                    events: [everything]
                    channel: slack
                    secretRef: team-x
                """)).isInstanceOf(PolicyParseException.class).hasMessageContaining("events")
                .hasMessageContaining("everything");
        assertThatThrownBy(() -> parser.parse("p.yaml", HEAD + """
                notify:
                  - name: team-x
                    events: [hold-placed]
                    channel: teams
                """)).isInstanceOf(PolicyParseException.class).hasMessageContaining("secretRef");
        assertThatThrownBy(() -> parser.parse("p.yaml", HEAD + """
                notify:
                  - name: a
                    events: [hold-placed]
                    channel: teams
                    secretRef: t
                  - name: a
                    events: [hold-placed]
                    channel: teams
                    secretRef: t
                """)).isInstanceOf(PolicyParseException.class).hasMessageContaining("duplicate notify rule name 'a'");
        assertThatThrownBy(() -> parser.parse("p.yaml", HEAD + """
                notify:
                  - name: a
                    events: [hold-placed]
                    channel: teams
                    secretRef: t
                    colour: red
                """)).isInstanceOf(PolicyParseException.class).hasMessageContaining("colour");
    }
}
