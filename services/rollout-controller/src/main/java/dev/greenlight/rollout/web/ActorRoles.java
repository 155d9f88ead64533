package dev.greenlight.rollout.web;

import java.util.Set;

/**
 * Which roles an authenticated person holds. A seam for the shared security layer being added to
 * the platform: until it lands, {@link ConfiguredActorRoles} answers from configuration.
 */
public interface ActorRoles {

    Set<String> rolesOf(String actor);
}
