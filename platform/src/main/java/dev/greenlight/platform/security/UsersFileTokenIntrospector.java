package dev.greenlight.platform.security;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * Resolves an opaque bearer token against the users file. Plugging in as Spring Security's
 * introspector keeps bearer parsing, 401 challenges and the security context standard.
 */
final class UsersFileTokenIntrospector implements OpaqueTokenIntrospector {

    static final String ROLES = "roles";
    static final String TARGETS = "targets";
    static final String ALIASES = "aliases";

    private final UserDirectory directory;

    UsersFileTokenIntrospector(UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        UserAccount user = directory.byToken(token)
                .orElseThrow(() -> new BadOpaqueTokenException("unknown bearer token"));
        List<GrantedAuthority> authorities = user.roles().stream()
                .sorted()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        return new DefaultOAuth2AuthenticatedPrincipal(user.name(),
                Map.of("sub", user.name(), ROLES, List.copyOf(user.roles()), TARGETS, user.targets(),
                        ALIASES, user.aliases()),
                authorities);
    }
}
