package dev.greenlight.platform.security;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The authenticated caller as the application layer sees it, whatever authenticated it (users
 * file or JWT). Events record {@link #name()} as their principal; rules check roles and scopes.
 */
public record Actor(String name, Set<String> roles, List<String> targets) {

    public Actor {
        roles = Set.copyOf(roles);
        targets = List.copyOf(targets);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
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
