package dev.greenlight.platform.security;

import dev.greenlight.identity.Identity;
import java.util.Optional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Authenticates a verified JWT only if it names its holder: the configured name claim must be
 * present and a valid {@link Identity}, and every entry of the aliases claim too. Otherwise the
 * token is refused (401) with the reason; a missing name is never replaced by another claim such
 * as {@code sub}, because then the same person could appear under two names and slip past
 * four-eyes.
 */
final class JwtIdentityConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final GreenlightSecurityProperties.Jwt claims;
    private final JwtAuthenticationConverter delegate = new JwtAuthenticationConverter();

    JwtIdentityConverter(GreenlightSecurityProperties.Jwt claims) {
        this.claims = claims;
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(claims.rolesClaim());
        roles.setAuthorityPrefix("ROLE_");
        delegate.setJwtGrantedAuthoritiesConverter(roles);
        delegate.setPrincipalClaimName(claims.nameClaim());
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Object name = jwt.getClaim(claims.nameClaim());
        if (!(name instanceof String text)) {
            throw new InvalidBearerTokenException("the token has no '" + claims.nameClaim()
                    + "' claim (a string) naming its holder");
        }
        Optional<String> problem = Identity.problem(text);
        if (problem.isPresent()) {
            throw new InvalidBearerTokenException("the token's '" + claims.nameClaim() + "' claim " + problem.get());
        }
        for (String alias : ActorResolver.strings(jwt.getClaim(claims.aliasesClaim()))) {
            Optional<String> why = Identity.problem(alias);
            if (why.isPresent()) {
                throw new InvalidBearerTokenException("an alias in the token's '" + claims.aliasesClaim()
                        + "' claim " + why.get());
            }
        }
        return delegate.convert(jwt);
    }
}
