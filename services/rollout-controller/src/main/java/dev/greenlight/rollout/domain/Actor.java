package dev.greenlight.rollout.domain;

import dev.greenlight.identity.Identity;
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
     * Whether this actor is the person named {@code other}: names compared as identities (the one
     * rule of {@link Identity}: NFKC, trimmed, case-folded, invisible characters dropped), never as
     * raw strings, so {@code "Bob "} is bob. Both names are recorded primary names (check-ingest
     * records a release author's primary name, the services the caller's), so aliases need no lookup.
     */
    boolean is(String other) {
        return Identity.same(name, other);
    }
}
