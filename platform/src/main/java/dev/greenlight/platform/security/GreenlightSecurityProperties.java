package dev.greenlight.platform.security;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
 * @param aliases     other identities (GitHub login, e-mail) of people, by primary name, for people
 *                    without a users-file entry (JWT mode): four-eyes treats them as one person
 */
@ConfigurationProperties("greenlight.security")
public record GreenlightSecurityProperties(@DefaultValue("USERS_FILE") Mode mode, Path usersFile,
                                           @DefaultValue("false") boolean demoUsers,
                                           @DefaultValue("false") boolean production,
                                           @DefaultValue List<String> publicPaths,
                                           @DefaultValue Jwt jwt, Map<String, List<String>> aliases) {

    public GreenlightSecurityProperties {
        aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
    }

    public enum Mode { USERS_FILE, JWT }

    /**
     * @param rolesClaim   claim holding the caller's roles (a list of strings)
     * @param targetsClaim claim holding the target patterns a publisher may publish for
     * @param nameClaim    claim naming the caller on events; a token without it (or whose value is
     *                     not a valid identity) is refused with 401, never named by another claim
     * @param aliasesClaim claim holding the caller's other identities (list of strings), optional in tokens
     */
    public record Jwt(@DefaultValue("roles") String rolesClaim, @DefaultValue("targets") String targetsClaim,
                      @DefaultValue("sub") String nameClaim, @DefaultValue("aliases") String aliasesClaim) {
    }
}
