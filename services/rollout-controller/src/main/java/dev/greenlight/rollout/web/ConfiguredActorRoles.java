package dev.greenlight.rollout.web;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Roles from {@code greenlight.rollout.actor-roles.<user>=role,...}; unknown users hold none. The
 * default until the platform's security layer provides roles with the principal.
 */
@ConfigurationProperties("greenlight.rollout")
record ConfiguredActorRoles(Map<String, Set<String>> actorRoles) implements ActorRoles {

    ConfiguredActorRoles {
        actorRoles = actorRoles == null ? Map.of() : Map.copyOf(actorRoles);
    }

    @Override
    public Set<String> rolesOf(String actor) {
        return actorRoles.getOrDefault(actor, Set.of());
    }
}
