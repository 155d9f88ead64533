package dev.greenlight.platform.security;

import dev.greenlight.identity.Identity;
import dev.greenlight.identity.InvalidIdentityException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One entry of the users file: a person or a machine publisher. Only the SHA-256 of the bearer
 * token is stored, so the file can be read by operators without revealing any credential. The
 * name and aliases are canonical {@link Identity identities}: a name with an invisible, bidi or
 * control character is refused with the reason, so the file cannot hold two look-alike people.
 *
 * @param name        the principal name recorded on every event this user produces (canonical)
 * @param roles       e.g. engineer, auditor, risk, founder, on-call, management, publisher
 * @param tokenSha256 lowercase hex SHA-256 of the bearer token
 * @param targets     target patterns this user may publish evidence for ({@code *} = all; glob
 *                    with {@code *}); empty means none
 * @param aliases     the person's other identities (GitHub login, e-mail), canonical; four-eyes
 *                    treats a release authored under any of them as this user's
 */
public record UserAccount(String name, Set<String> roles, String tokenSha256, List<String> targets,
                          List<String> aliases) {

    public UserAccount {
        name = canonical("user", "name", name);
        if (tokenSha256 == null || !tokenSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("user '" + name + "': tokenSha256 must be 64 lowercase hex digits");
        }
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        targets = targets == null ? List.of() : List.copyOf(targets);
        Set<String> canonicalAliases = new LinkedHashSet<>();
        for (String alias : aliases == null ? List.<String>of() : aliases) {
            String canonical = canonical("user '" + name + "'", "alias", alias);
            if (!canonical.equals(name)) {
                canonicalAliases.add(canonical);
            }
        }
        aliases = List.copyOf(new ArrayList<>(canonicalAliases));
    }

    /** A user known by one name only. */
    public UserAccount(String name, Set<String> roles, String tokenSha256, List<String> targets) {
        this(name, roles, tokenSha256, targets, List.of());
    }

    private static String canonical(String who, String field, String raw) {
        try {
            return Identity.of(raw).canonical();
        } catch (InvalidIdentityException e) {
            throw new IllegalArgumentException(who + ": " + field + " " + e.getMessage(), e);
        }
    }
}
