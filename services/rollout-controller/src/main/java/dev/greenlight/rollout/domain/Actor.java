package dev.greenlight.rollout.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** The authenticated person behind a manual command and the roles they hold. */
public record Actor(String name, Set<String> roles) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    boolean holdsAny(Set<String> allowed) {
        return roles.stream().anyMatch(allowed::contains);
    }

    /**
     * Whether this actor is the person named {@code other}: names compared as identities (NFKC,
     * trimmed, case-folded), never as raw strings, so {@code "Bob "} is bob.
     */
    boolean is(String other) {
        return canonical(name).equals(canonical(other));
    }

    private static String canonical(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}
