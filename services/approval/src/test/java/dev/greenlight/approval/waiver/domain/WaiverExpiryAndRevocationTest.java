package dev.greenlight.approval.waiver.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.platform.failures.InvalidFieldException;
import dev.greenlight.platform.security.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WaiverExpiryAndRevocationTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");
    private final WaiverExpiry expiry = new WaiverExpiry(Duration.ofDays(7), Duration.ofDays(30));
    private final WaiverRules rules = new WaiverRules(Set.of("founder", "release-captain", "risk", "management"));
    private final GrantedWaiver byDave = new GrantedWaiver("w-1", "e-1", "trading", "2.1.0", "paper-trading",
            "dave", "founder", false);

    @Test
    void aWaiverWithoutExpiryLapsesAfterTheDefault() {
        assertThat(expiry.expiresAt(Optional.empty(), NOW)).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void anExplicitExpiryMayBeShorterOrUpToTheMaximumButNotLater() {
        assertThat(expiry.expiresAt(Optional.of(NOW.plusSeconds(60)), NOW)).isEqualTo(NOW.plusSeconds(60));
        assertThat(expiry.expiresAt(Optional.of(NOW.plus(Duration.ofDays(30))), NOW))
                .isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThatThrownBy(() -> expiry.expiresAt(Optional.of(NOW.plus(Duration.ofDays(30)).plusMillis(1)), NOW))
                .isInstanceOf(InvalidFieldException.class)
                .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("expiresAt"));
    }

    @Test
    void aDefaultLongerThanTheMaximumIsAConfigurationError() {
        assertThatThrownBy(() -> new WaiverExpiry(Duration.ofDays(31), Duration.ofDays(30)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theGrantorOrAWaivingAuthorityMayRevoke_othersMayNot() {
        assertThat(rules.mayRevoke(new Actor("dave", Set.of("founder"), List.of()), byDave).granted()).isTrue();
        assertThat(rules.mayRevoke(new Actor("carol", Set.of("risk"), List.of()), byDave).granted()).isTrue();

        var ci = rules.mayRevoke(new Actor("ci", Set.of("publisher"), List.of("*")), byDave);
        assertThat(ci.granted()).isFalse();
        assertThat(ci.reason()).contains("only its grantor");
    }
}
