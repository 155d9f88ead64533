package dev.greenlight.console.signin.application;

import dev.greenlight.platform.security.Actor;
import dev.greenlight.platform.security.UserDirectory;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Signs a person in with the bearer token they would give the APIs, checked by the same users
 * directory the APIs use (SHA-256 of the token, demo users in the local stack), so the console
 * grants nobody an identity the APIs would not. In JWT mode people sign in through the identity
 * provider (OIDC) instead; this form then refuses every token.
 */
public class TokenSignIn {

    private final UserDirectory directory;
    private final boolean usersFileMode;

    public TokenSignIn(UserDirectory directory, boolean usersFileMode) {
        this.directory = directory;
        this.usersFileMode = usersFileMode;
    }

    /** The person {@code token} belongs to; empty for an unknown, blank or oversized token. */
    public Optional<ConsoleUser> signIn(String token) {
        if (!usersFileMode || token == null || token.isBlank() || token.length() > 4096) {
            return Optional.empty();
        }
        String trimmed = token.strip();
        return directory.byToken(trimmed).map(account -> {
            var person = directory.resolve(account.name());
            Set<String> aliases = new java.util.LinkedHashSet<>(person.aliases());
            return new ConsoleUser(new Actor(person.name(), account.roles(), List.copyOf(account.targets()), aliases),
                    trimmed);
        });
    }

    /** Whether the token form is offered at all (users-file mode). */
    public boolean enabled() {
        return usersFileMode;
    }
}
