package dev.greenlight.platform.security;

import dev.greenlight.identity.Identity;
import dev.greenlight.identity.Person;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Maps whatever authenticated the request (users-file token or JWT) to one {@link Actor}. The
 * actor's name is the person's canonical primary name as the {@link UserDirectory} knows it, and
 * its aliases every other name of theirs (users file, {@code greenlight.security.aliases}, and a
 * JWT's aliases claim), so whatever name a person logs in with, events record the same principal.
 */
public final class ActorResolver {

    private final GreenlightSecurityProperties.Jwt claims;
    private final UserDirectory directory;

    public ActorResolver(GreenlightSecurityProperties.Jwt claims, UserDirectory directory) {
        this.claims = claims;
        this.directory = directory;
    }

    /**
     * The actor behind {@code authentication}; null when the request is anonymous or carries no
     * valid name (a JWT is checked when it is authenticated, see {@link JwtIdentityConverter}).
     */
    public Actor resolve(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof Jwt jwt) {
            Object name = jwt.getClaim(claims.nameClaim());
            if (!(name instanceof String text) || !Identity.valid(text)) {
                return null;
            }
            Set<String> aliases = strings(jwt.getClaim(claims.aliasesClaim()));
            if (!aliases.stream().allMatch(Identity::valid)) {
                return null;
            }
            return actor(text, aliases, strings(jwt.getClaim(claims.rolesClaim())),
                    List.copyOf(strings(jwt.getClaim(claims.targetsClaim()))));
        }
        if (principal instanceof OAuth2AuthenticatedPrincipal user) {
            return actor(user.getName(), strings(user.getAttribute(UsersFileTokenIntrospector.ALIASES)),
                    strings(user.getAttribute(UsersFileTokenIntrospector.ROLES)),
                    List.copyOf(strings(user.getAttribute(UsersFileTokenIntrospector.TARGETS))));
        }
        return null;
    }

    private Actor actor(String name, Set<String> extraAliases, Set<String> roles, List<String> targets) {
        Person person = directory.resolve(name);
        Set<String> aliases = new LinkedHashSet<>(person.aliases());
        String canonical = Identity.of(name).canonical();
        if (!canonical.equals(person.name())) {
            aliases.add(canonical);
        }
        extraAliases.stream().map(a -> Identity.of(a).canonical()).filter(a -> !a.equals(person.name()))
                .forEach(aliases::add);
        return new Actor(person.name(), roles, targets, aliases);
    }

    /** A claim or attribute holding strings: a list, or one space/comma separated string. */
    static Set<String> strings(Object claim) {
        Set<String> values = new HashSet<>();
        if (claim instanceof Collection<?> collection) {
            collection.forEach(v -> values.add(String.valueOf(v)));
        } else if (claim instanceof String text && !text.isBlank()) {
            values.addAll(List.of(text.trim().split("[\\s,]+")));
        }
        return values;
    }
}
