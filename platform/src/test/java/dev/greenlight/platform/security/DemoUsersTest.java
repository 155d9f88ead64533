package dev.greenlight.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The local stack's Flagger principal: the docs' Flagger snippet works locally with token {@code demo-flagger}. */
class DemoUsersTest {

    @Test
    void flaggerHoldsOnlyTheFlaggerRoleAndPublishesNothing() {
        UserAccount flagger = DemoUsers.all().stream().filter(u -> u.name().equals("flagger")).findFirst().orElseThrow();

        assertThat(flagger.roles()).containsExactly("flagger");
        assertThat(flagger.targets()).isEmpty();
        assertThat(flagger.tokenSha256()).isEqualTo(TokenHashes.sha256("demo-flagger"));
    }
}
