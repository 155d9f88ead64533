package dev.greenlight.approval.freezes.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.platform.failures.InvalidFieldException;
import dev.greenlight.platform.security.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreezeRulesTest {

    private static final Instant FROM = Instant.parse("2026-11-27T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-30T00:00:00Z");
    private final FreezeRules rules = new FreezeRules(Set.of("on-call", "stop-the-line"), "founder");
    private final StandingFreeze erins = new StandingFreeze("f1", "black-friday", "payments-*", "peak", "erin",
            FROM, TO, Set.of(), Set.of(), FROM, "e1");

    @Test
    void aHoldPlacingRoleMayDeclare_otherRolesMayNot() {
        assertThat(rules.mayDeclare(actor("erin", "on-call")).granted()).isTrue();
        assertThat(rules.mayDeclare(actor("bot", "stop-the-line")).granted()).isTrue();
        assertThat(rules.mayDeclare(actor("ci", "publisher")).granted()).isFalse();
    }

    @Test
    void theDeclarerUnderAnyAliasAndTheAuthorityMayLift_nobodyElse() {
        assertThat(rules.mayLift(actor(" ERIN ", "engineer"), erins).granted()).isTrue();
        assertThat(rules.mayLift(new Actor("erin.s", Set.of(), List.of(), Set.of("erin")), erins).granted()).isTrue();
        assertThat(rules.mayLift(actor("dave", "founder"), erins).granted()).isTrue();
        assertThat(rules.mayLift(actor("bob", "on-call"), erins).granted()).isFalse();
        assertThat(rules.mayLift(actor("erin-2", "on-call"), erins).granted()).isFalse();
    }

    @Test
    void aWindowMustEndAfterItStarts_namingTo() {
        assertThatThrownBy(() -> FreezeRequest.of("x", "svc", "r", FROM.toString(), FROM.toString(), null, null))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThat(FreezeRequest.of("x", "svc", "r", FROM.toString(), FROM.plusMillis(1).toString(),
                List.of("management"), List.of("HOTFIX")).overrideReleaseTypes()).containsExactly("HOTFIX");
    }

    private static Actor actor(String name, String role) {
        return new Actor(name, Set.of(role), List.of());
    }
}
