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
        for (String pattern : targets) {
            if (globMatches(pattern, target)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code text} matches {@code pattern}, where {@code *} stands for any run of characters
     * (possibly empty) and every other character for itself. Matched directly rather than through a
     * compiled regex: this runs for every item of every ingest request, and compiling a pattern each
     * time cost more than the rest of the item's validation.
     */
    static boolean globMatches(String pattern, String text) {
        if (hasLineTerminator(text)) {
            // A regex '.' never matched these; keep that meaning exactly (targets never hold them).
            return regex(pattern).matcher(text).matches();
        }
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static boolean hasLineTerminator(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    private static Pattern regex(String pattern) {
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
