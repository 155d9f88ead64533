package dev.greenlight.rollout.domain;

import java.util.Set;

/** The authenticated person behind a manual command and the roles they hold. */
public record Actor(String name, Set<String> roles) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    boolean has(String role) {
        return roles.contains(role);
    }
}
