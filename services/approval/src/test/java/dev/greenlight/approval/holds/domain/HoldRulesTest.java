package dev.greenlight.approval.holds.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.platform.security.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HoldRulesTest {

    private final HoldRules rules = new HoldRules(Set.of("on-call", "stop-the-line"), "founder");
    private final StandingHold erinsHold = new StandingHold("h1", "incident-7", "svc-*", "INC-7", "erin",
            Instant.parse("2026-11-22T10:00:00Z"), "e1");

    @Test
    void aHoldPlacingRoleOrTheBotRoleMayPlace_otherRolesMayNot() {
        assertThat(rules.mayPlace(actor("erin", "on-call")).granted()).isTrue();
        assertThat(rules.mayPlace(actor("incident-bot", "stop-the-line")).granted()).isTrue();
        assertThat(rules.mayPlace(actor("ci", "publisher")).granted()).isFalse();
        assertThat(rules.mayPlace(actor("frank", "management")).reason()).contains("none of the roles");
    }

    @Test
    void theOwnerUnderAnySpellingOrAliasAndTheAuthorityMayLift_nobodyElse() {
        assertThat(rules.mayLift(actor(" ERIN ", "engineer"), erinsHold).granted()).isTrue();
        assertThat(rules.mayLift(new Actor("erin.s", Set.of(), List.of(), Set.of("erin")), erinsHold).granted())
                .isTrue();
        assertThat(rules.mayLift(actor("dave", "founder"), erinsHold).granted()).isTrue();
        assertThat(rules.mayLift(actor("bob", "on-call"), erinsHold).granted()).isFalse();
        assertThat(rules.mayLift(actor("erin-2", "on-call"), erinsHold).granted()).as("a longer look-alike name")
                .isFalse();
    }

    private static Actor actor(String name, String role) {
        return new Actor(name, Set.of(role), List.of());
    }
}
