package dev.greenlight.policy.model;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may register which release types under a policy, and how their versions must be tagged (the
 * policy's {@code registration} section). A release type with roles may only be registered by a
 * caller holding one of them, so an expedited path such as HOTFIX cannot be claimed by any CI
 * token; a type without roles is open to every publisher of the target. A type with a version tag
 * must carry it as the first pre-release identifier ({@code HOTFIX: {versionTag: hotfix}} accepts
 * {@code 1.2.4-hotfix} and {@code 1.2.4-hotfix.2}, refuses {@code 1.2.4}): the runbooks name
 * emergency releases that way, and a hotfix that does not say so in its version is a mistake to
 * stop at the door, not at production.
 *
 * @param rolesByType for each restricted release type, the roles of which the registering caller
 *                    must hold at least one (never empty)
 * @param versionTags for each release type that must be tagged, the tag (lower case)
 */
public record RegistrationRules(Map<ReleaseType, Set<String>> rolesByType, Map<ReleaseType, String> versionTags) {

    public RegistrationRules {
        Map<ReleaseType, Set<String>> copy = new EnumMap<>(ReleaseType.class);
        rolesByType.forEach((type, roles) -> copy.put(type, Set.copyOf(roles)));
        rolesByType = Map.copyOf(copy);
        Map<ReleaseType, String> tags = new EnumMap<>(ReleaseType.class);
        versionTags.forEach((type, tag) -> tags.put(type, tag.toLowerCase(Locale.ROOT)));
        versionTags = Map.copyOf(tags);
    }

    public RegistrationRules(Map<ReleaseType, Set<String>> rolesByType) {
        this(rolesByType, Map.of());
    }

    /** No restriction: every publisher of a target may register every type. */
    public static RegistrationRules none() {
        return new RegistrationRules(Map.of(), Map.of());
    }

    /** The roles of which one is needed to register {@code type}; empty when the type is not restricted. */
    public Optional<Set<String>> requiredRoles(ReleaseType type) {
        return Optional.ofNullable(rolesByType.get(type));
    }

    /** Whether a caller holding {@code roles} may register a release of {@code type}. */
    public boolean permits(ReleaseType type, Set<String> roles) {
        return requiredRoles(type).map(required -> required.stream().anyMatch(roles::contains)).orElse(true);
    }

    /** The tag a {@code type} release's version must carry; empty when any version will do. */
    public Optional<String> requiredVersionTag(ReleaseType type) {
        return Optional.ofNullable(versionTags.get(type));
    }

    /** Whether {@code version} carries the tag {@code type} requires (always true without one). */
    public boolean versionTagged(ReleaseType type, String version) {
        return requiredVersionTag(type).map(tag -> Pattern.compile(
                "v?\\d+\\.\\d+\\.\\d+-" + Pattern.quote(tag) + "(\\.[0-9A-Za-z-]+)*(\\+[0-9A-Za-z.-]+)?",
                Pattern.CASE_INSENSITIVE).matcher(version).matches()).orElse(true);
    }
}
