package dev.greenlight.policy.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may register which release types under a policy (the policy's {@code registration}
 * section). A release type with an entry may only be registered by a caller holding one of its
 * roles, so an expedited path such as HOTFIX cannot be claimed by any CI token; a type without an
 * entry is open to every publisher of the target, as before the section existed.
 *
 * @param rolesByType for each restricted release type, the roles of which the registering caller
 *                    must hold at least one (never empty)
 */
public record RegistrationRules(Map<ReleaseType, Set<String>> rolesByType) {

    public RegistrationRules {
        Map<ReleaseType, Set<String>> copy = new EnumMap<>(ReleaseType.class);
        rolesByType.forEach((type, roles) -> copy.put(type, Set.copyOf(roles)));
        rolesByType = Map.copyOf(copy);
    }

    /** No restriction: every publisher of a target may register every type. */
    public static RegistrationRules none() {
        return new RegistrationRules(Map.of());
    }

    /** The roles of which one is needed to register {@code type}; empty when the type is not restricted. */
    public Optional<Set<String>> requiredRoles(ReleaseType type) {
        return Optional.ofNullable(rolesByType.get(type));
    }

    /** Whether a caller holding {@code roles} may register a release of {@code type}. */
    public boolean permits(ReleaseType type, Set<String> roles) {
        return requiredRoles(type).map(required -> required.stream().anyMatch(roles::contains)).orElse(true);
    }
}
