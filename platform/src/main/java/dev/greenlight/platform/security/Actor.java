package dev.greenlight.platform.security;

import dev.greenlight.identity.Identity;
import dev.greenlight.identity.Person;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The authenticated caller as the application layer sees it, whatever authenticated it (users
 * file or JWT). Events record {@link #name()} as their principal; rules check roles and scopes.
 * The name is a canonical {@link Identity} (the person's primary name when the directory knows
 * them), and {@link #aliases()} are the caller's other identities, so four-eyes can compare
 * {@link #person()} with a release's author under every name either is known by.
 */
public record Actor(String name, Set<String> roles, List<String> targets, Set<String> aliases) {

    public Actor {
        name = Identity.of(name).canonical();
        roles = Set.copyOf(roles);
        targets = List.copyOf(targets);
        aliases = Set.copyOf(aliases);
    }

    /** A caller known by one name only. */
    public Actor(String name, Set<String> roles, List<String> targets) {
        this(name, roles, targets, Set.of());
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The caller as a person: their name and aliases. */
    public Person person() {
        return new Person(name, aliases);
    }

    /** Whether {@code other} (a recorded name) is this caller under any of their names. */
    public boolean isKnownAs(String other) {
        return person().knownAs(other);
    }

    /** Whether this caller may publish evidence about {@code target}. */
    public boolean mayPublishFor(String target) {
        return targets.stream().anyMatch(pattern -> glob(pattern).matcher(target).matches());
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
