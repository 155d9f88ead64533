package dev.greenlight.platform.security;

import java.util.List;
import java.util.Set;

/**
 * One entry of the users file: a person or a machine publisher. Only the SHA-256 of the bearer
 * token is stored, so the file can be read by operators without revealing any credential.
 *
 * @param name        the principal name recorded on every event this user produces
 * @param roles       e.g. engineer, auditor, risk, founder, on-call, management, publisher
 * @param tokenSha256 lowercase hex SHA-256 of the bearer token
 * @param targets     target patterns this user may publish evidence for ({@code *} = all; glob
 *                    with {@code *}); empty means none
 */
public record UserAccount(String name, Set<String> roles, String tokenSha256, List<String> targets) {

    public UserAccount {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("user without a name");
        }
        if (tokenSha256 == null || !tokenSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("user '" + name + "': tokenSha256 must be 64 lowercase hex digits");
        }
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
