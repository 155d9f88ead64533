package dev.greenlight.policy.parser;

import dev.greenlight.policy.model.Guard;
import dev.greenlight.policy.model.GuardAction;
import dev.greenlight.policy.model.PostPromotionWatch;
import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.policy.model.Stage;
import dev.greenlight.policy.model.WatchGuard;
import dev.greenlight.policy.model.WatchRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a policy's optional {@code watch} section, the post-promotion watch:
 * <pre>
 * watch:
 *   duration: 7d
 *   guards: [live-errors, {name: contract-regression, action: PAUSE}]
 *   releaseTypes:
 *     HOTFIX: {duration: 14d}
 * </pre>
 * The guards are guards of the final stage (the watch keeps them armed, it does not invent new
 * triggers), each keeping its own action unless the entry gives one. A per-type entry overrides
 * the duration, the guards or both. Every mistake names the field, so a watch that would silently
 * watch nothing cannot be loaded.
 */
final class WatchReader {

    private WatchReader() {
    }

    static PostPromotionWatch read(Mapping section, Stage finalStage) {
        WatchRule defaults = rule(section, finalStage, null);
        Map<ReleaseType, WatchRule> byType = new EnumMap<>(ReleaseType.class);
        section.optionalMapping("releaseTypes", "releaseTypes").ifPresent(types -> {
            for (String key : List.copyOf(types.keys())) {
                ReleaseType type = types.parseEnum("release type", key, ReleaseType.class);
                if (byType.containsKey(type)) {
                    throw types.failAt(key, "release type " + type + " is listed twice");
                }
                byType.put(type, rule(types.mapping(key, key), finalStage, defaults));
            }
            types.rejectUnknownKeys();
        });
        section.rejectUnknownKeys();
        return new PostPromotionWatch(defaults, byType);
    }

    /** One rule; {@code fallback} (null for the section's own rule) supplies what an override leaves out. */
    private static WatchRule rule(Mapping mapping, Stage finalStage, WatchRule fallback) {
        Duration duration;
        if (mapping.has("duration")) {
            duration = mapping.optionalDuration("duration").orElseThrow();
            if (duration.isZero() || duration.isNegative()) {
                throw mapping.failAt("duration", "'duration' of the watch must be longer than zero, not '"
                        + mapping.optionalString("duration").orElse("") + "'");
            }
        } else if (fallback != null) {
            duration = fallback.duration();
        } else {
            throw mapping.fail(mapping.line(), "missing required key 'duration' (how long a release is watched"
                    + " after promotion, e.g. 7d)");
        }
        List<WatchGuard> guards = mapping.has("guards") ? guards(mapping, finalStage)
                : fallback != null ? fallback.guards() : null;
        if (guards == null) {
            throw mapping.fail(mapping.line(), "missing required key 'guards' (the guards of the final stage '"
                    + finalStage.name() + "' that stay armed during the watch)");
        }
        if (fallback != null) {
            mapping.rejectUnknownKeys();
        }
        return new WatchRule(duration, guards);
    }

    private static List<WatchGuard> guards(Mapping mapping, Stage finalStage) {
        var node = mapping.raw("guards").orElseThrow();
        if (node.type() != YamlNode.Type.SEQUENCE || node.items().isEmpty()) {
            throw mapping.failAt("guards", "'guards' must list at least one guard of the final stage '"
                    + finalStage.name() + "' to keep armed during the watch");
        }
        List<WatchGuard> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YamlNode item : node.items()) {
            String name;
            GuardAction action = null;
            if (item.type() == YamlNode.Type.SCALAR && !item.isNull()) {
                name = item.scalar();
            } else if (item.type() == YamlNode.Type.MAPPING) {
                Mapping entry = new Mapping(mapping.file(), "watch: guards", item);
                name = entry.string("name");
                if (entry.has("action")) {
                    action = entry.enumValue("action", GuardAction.class);
                }
                entry.rejectUnknownKeys();
            } else {
                throw mapping.fail(item.line(), "'guards' entries are guard names or {name: ..., action: ...}");
            }
            Guard guard = finalStage.guards().stream().filter(g -> g.name().equals(name)).findFirst()
                    .orElseThrow(() -> mapping.fail(item.line(), "watch: guards: no guard '" + name + "' in the final stage '"
                            + finalStage.name() + "' (" + (finalStage.guards().isEmpty() ? "it has none" : "it has: "
                            + String.join(", ", finalStage.guards().stream().map(Guard::name).toList())) + ")"));
            if (!seen.add(name)) {
                throw mapping.fail(item.line(), "watch: guards: guard '" + name + "' is listed twice");
            }
            result.add(new WatchGuard(name, action == null ? guard.action() : action));
        }
        return result;
    }
}
