package dev.greenlight.policy.parser;

import dev.greenlight.policy.model.RegistrationRules;
import dev.greenlight.policy.model.ReleaseType;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a policy's optional {@code registration} section: a mapping from release type to
 * {@code {roles: [...], versionTag: ...}}, e.g.
 * {@code registration: {HOTFIX: {roles: [founder, release-captain], versionTag: hotfix}}}.
 * Kept apart from {@link PolicyParser} so the policy language grows by sections, not by one long
 * method.
 */
final class RegistrationReader {

    private RegistrationReader() {
    }

    static RegistrationRules read(Mapping registration) {
        Map<ReleaseType, Set<String>> rolesByType = new EnumMap<>(ReleaseType.class);
        Map<ReleaseType, String> versionTags = new EnumMap<>(ReleaseType.class);
        for (String key : List.copyOf(registration.keys())) {
            ReleaseType type = registration.parseEnum("release type", key, ReleaseType.class);
            Mapping rule = registration.mapping(key, key);
            Set<String> roles = new LinkedHashSet<>(rule.strings("roles"));
            Optional<String> versionTag = rule.optionalString("versionTag");
            rule.rejectUnknownKeys();
            if (versionTag.isPresent() && !versionTag.get().matches("[A-Za-z][0-9A-Za-z-]*")) {
                throw rule.failAt("versionTag", "'versionTag' must be a pre-release identifier such as hotfix, got '"
                        + versionTag.get() + "'");
            }
            if (roles.isEmpty() && versionTag.isEmpty()) {
                throw rule.fail(rule.line(), "'roles' must name at least one role that may register " + type
                        + " releases (or give a 'versionTag')");
            }
            if (!roles.isEmpty() && rolesByType.put(type, roles) != null
                    || versionTag.isPresent() && versionTags.put(type, versionTag.get()) != null) {
                throw registration.failAt(key, "release type " + type + " is listed twice");
            }
        }
        return new RegistrationRules(rolesByType, versionTags);
    }
}
