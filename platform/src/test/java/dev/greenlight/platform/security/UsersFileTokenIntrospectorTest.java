package dev.greenlight.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;

/**
 * A users-file token authenticates as its user on every request — the principal and the actor are
 * built once per user and handed out again (docs/performance.md "Ninth pass") — and a token that is
 * not in the file is refused every time, however often a known one was seen.
 */
class UsersFileTokenIntrospectorTest {

    private final UserDirectory users = new UserDirectory(List.of(
            new UserAccount("Grace Hopper", Set.of("engineer", "publisher"), TokenHashes.sha256("s3cret-grace"),
                    List.of("payments-*"), List.of("ghopper")),
            new UserAccount("ci", Set.of("publisher"), TokenHashes.sha256("s3cret-ci"), List.of("*"), List.of())));
    private final UsersFileTokenIntrospector introspector = new UsersFileTokenIntrospector(users);
    private final ActorResolver actors = new ActorResolver(
            new GreenlightSecurityProperties.Jwt("roles", "targets", "name", "aliases"), users);

    @Test
    void eachRequestWithAKnownTokenIsItsUser_withTheUsersRolesScopesAndAliases() {
        for (int request = 0; request < 3; request++) {
            OAuth2AuthenticatedPrincipal grace = introspector.introspect("s3cret-grace");
            assertThat(grace.getName()).isEqualTo("grace hopper");
            assertThat(grace.getAuthorities()).extracting(Object::toString)
                    .containsExactly("ROLE_engineer", "ROLE_publisher");
            Actor actor = actors.resolve(authenticated(grace, "s3cret-grace"));
            assertThat(actor).isEqualTo(new Actor("grace hopper", Set.of("engineer", "publisher"),
                    List.of("payments-*"), Set.of("ghopper")));
            assertThat(actor.mayPublishFor("payments-api")).isTrue();
            assertThat(actor.mayPublishFor("checkout")).isFalse();

            Actor ci = actors.resolve(authenticated(introspector.introspect("s3cret-ci"), "s3cret-ci"));
            assertThat(ci.name()).isEqualTo("ci");
            assertThat(ci.mayPublishFor("checkout")).isTrue();
        }
    }

    @Test
    void anUnknownTokenIsRefusedEveryTime_evenAfterKnownOnes() {
        introspector.introspect("s3cret-ci");
        for (String forged : List.of("s3cret-ci ", "S3CRET-CI", "s3cret-grace2", "", TokenHashes.sha256("s3cret-ci"))) {
            assertThatThrownBy(() -> introspector.introspect(forged)).isInstanceOf(BadOpaqueTokenException.class);
        }
    }

    private static BearerTokenAuthentication authenticated(OAuth2AuthenticatedPrincipal principal, String token) {
        return new BearerTokenAuthentication(principal,
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, null, null), principal.getAuthorities());
    }
}
