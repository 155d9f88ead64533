package dev.greenlight.platform.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;

/** Maps whatever authenticated the request (users-file token or JWT) to one {@link Actor}. */
public final class ActorResolver {

    private final GreenlightSecurityProperties.Jwt claims;

    public ActorResolver(GreenlightSecurityProperties.Jwt claims) {
        this.claims = claims;
    }

    /** The actor behind {@code authentication}; null when the request is anonymous. */
    public Actor resolve(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof Jwt jwt) {
            String name = jwt.getClaimAsString(claims.nameClaim());
            return new Actor(name == null ? jwt.getSubject() : name, strings(jwt.getClaim(claims.rolesClaim())),
                    List.copyOf(strings(jwt.getClaim(claims.targetsClaim()))));
        }
        if (principal instanceof OAuth2AuthenticatedPrincipal user) {
            return new Actor(user.getName(), strings(user.getAttribute(UsersFileTokenIntrospector.ROLES)),
                    List.copyOf(strings(user.getAttribute(UsersFileTokenIntrospector.TARGETS))));
        }
        return null;
    }

    private static Set<String> strings(Object claim) {
        Set<String> values = new HashSet<>();
        if (claim instanceof Collection<?> collection) {
            collection.forEach(v -> values.add(String.valueOf(v)));
        } else if (claim instanceof String text && !text.isBlank()) {
            values.addAll(List.of(text.trim().split("[\\s,]+")));
        }
        return values;
    }
}
