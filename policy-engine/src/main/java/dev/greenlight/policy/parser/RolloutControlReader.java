package dev.greenlight.policy.parser;

import dev.greenlight.policy.model.RolloutControl;
import java.util.List;
import java.util.Set;

/**
 * Reads a policy's optional {@code rolloutControl} section. Each command left out keeps its
 * default roles; a command listed with no roles is refused, because an empty list would hand the
 * command to nobody by accident or, worse, be read as "anyone" by a reader of the YAML.
 */
final class RolloutControlReader {

    private RolloutControlReader() {
    }

    static RolloutControl read(Mapping section) {
        RolloutControl defaults = RolloutControl.defaults();
        RolloutControl control = new RolloutControl(
                roles(section, "pause", defaults.pause()),
                roles(section, "resume", defaults.resume()),
                roles(section, "abort", defaults.abort()),
                roles(section, "promote", defaults.promote()),
                roles(section, "promoteWithoutGo", defaults.promoteWithoutGo()));
        section.rejectUnknownKeys();
        return control;
    }

    private static Set<String> roles(Mapping section, String key, Set<String> fallback) {
        if (!section.has(key)) {
            return fallback;
        }
        List<String> roles = section.strings(key);
        if (roles.isEmpty() || roles.stream().anyMatch(String::isBlank)) {
            throw section.failAt(key, "list at least one role that may " + key + " (leave " + key
                    + " out for the default roles)");
        }
        return Set.copyOf(roles);
    }
}
