package dev.greenlight.platform.security;

import dev.greenlight.identity.Identity;
import dev.greenlight.identity.Person;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Maps whatever authenticated the request (users-file token or JWT) to one {@link Actor}. The
 * actor's name is the person's canonical primary name as the {@link UserDirectory} knows it, and
 * its aliases every other name of theirs (users file, {@code greenlight.security.aliases}, and a
 * JWT's aliases claim), so whatever name a person logs in with, events record the same principal.
 *
 * <p>An actor is a function of the authenticated principal and the directory (both fixed), so the
 * actor of an opaque-token principal is remembered per principal: a users-file principal is one
 * instance per user ({@code UsersFileTokenIntrospector}), and resolving it again on every request
 * cost about 3–4 % of a one-sample ingest request's CPU (docs/performance.md "Ninth pass"). At most
 * {@value #REMEMBERED} principals are remembered, so an introspector that builds a new principal per
 * request cannot make this grow. JWTs are resolved per request (each token is a new principal).
 */
public final class ActorResolver {

    /** How many opaque-token principals' actors are remembered: far more than a users file has users. */
    static final int REMEMBERED = 1024;

    private final GreenlightSecurityProperties.Jwt claims;
    private final UserDirectory directory;
    private final Map<OAuth2AuthenticatedPrincipal, Actor> actors = new ConcurrentHashMap<>();

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
            Actor known = actors.get(user);
            if (known != null) {
                return known;
            }
            Actor actor = actor(user.getName(), strings(user.getAttribute(UsersFileTokenIntrospector.ALIASES)),
                    strings(user.getAttribute(UsersFileTokenIntrospector.ROLES)),
                    List.copyOf(strings(user.getAttribute(UsersFileTokenIntrospector.TARGETS))));
            if (actors.size() < REMEMBERED) {
                actors.putIfAbsent(user, actor);
            }
            return actor;
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
