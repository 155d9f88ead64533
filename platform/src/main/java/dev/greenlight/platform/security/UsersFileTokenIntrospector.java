package dev.greenlight.platform.security;

import java.util.Collections;
import java.util.IdentityHashMap;
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
 *
 * <p>The token is looked up on every request (by its SHA-256, {@link UserDirectory#byToken}); what
 * a known user's principal holds (name, roles, scopes, aliases) is fixed once the users file is
 * read, so each user's principal is built once, here, and handed out for every request that
 * presents their token — not rebuilt per request (about 3 % of a one-sample ingest request's CPU,
 * docs/performance.md "Ninth pass"). The principal is immutable; nothing is remembered about
 * tokens that are not in the file.
 */
final class UsersFileTokenIntrospector implements OpaqueTokenIntrospector {

    static final String ROLES = "roles";
    static final String TARGETS = "targets";
    static final String ALIASES = "aliases";

    private final UserDirectory directory;
    /** One principal per user, keyed by the directory's own instance of the account. */
    private final Map<UserAccount, OAuth2AuthenticatedPrincipal> principals;

    UsersFileTokenIntrospector(UserDirectory directory) {
        this.directory = directory;
        Map<UserAccount, OAuth2AuthenticatedPrincipal> byAccount = new IdentityHashMap<>();
        directory.accounts().forEach(user -> byAccount.put(user, principal(user)));
        this.principals = Collections.unmodifiableMap(byAccount);
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        UserAccount user = directory.byToken(token)
                .orElseThrow(() -> new BadOpaqueTokenException("unknown bearer token"));
        return principals.get(user);
    }

    private static OAuth2AuthenticatedPrincipal principal(UserAccount user) {
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
