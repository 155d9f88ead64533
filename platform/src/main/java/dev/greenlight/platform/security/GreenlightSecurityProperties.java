package dev.greenlight.platform.security;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How callers are authenticated.
 *
 * @param mode        USERS_FILE (bearer tokens whose hashes are in {@code usersFile}) or JWT
 *                    (OAuth2/OIDC bearer JWTs; configure {@code spring.security.oauth2.resourceserver.jwt.*})
 * @param usersFile   YAML users file (see docs/security.md); optional when demo users are on
 * @param demoUsers   add the local stack's demo users (token {@code demo-<name>})
 * @param production  production settings: refuse to start while demo users are enabled
 * @param publicPaths extra paths that need no bearer token because they authenticate otherwise
 *                    (e.g. GitHub webhooks, signed with HMAC)
 * @param jwt         claim names used in JWT mode
 */
@ConfigurationProperties("greenlight.security")
public record GreenlightSecurityProperties(@DefaultValue("USERS_FILE") Mode mode, Path usersFile,
                                           @DefaultValue("false") boolean demoUsers,
                                           @DefaultValue("false") boolean production,
                                           @DefaultValue List<String> publicPaths,
                                           @DefaultValue Jwt jwt) {

    public enum Mode { USERS_FILE, JWT }

    /**
     * @param rolesClaim   claim holding the caller's roles (a list of strings)
     * @param targetsClaim claim holding the target patterns a publisher may publish for
     * @param nameClaim    claim naming the caller on events
     */
    public record Jwt(@DefaultValue("roles") String rolesClaim, @DefaultValue("targets") String targetsClaim,
                      @DefaultValue("sub") String nameClaim) {
    }
}
