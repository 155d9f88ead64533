package dev.greenlight.approval.freezes.domain;

import dev.greenlight.approval.common.domain.Fields;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.identity.TargetPattern;
import dev.greenlight.platform.failures.InvalidFieldException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request to freeze a target pattern for a window {@code [from, to)} (UTC instants), with the
 * override rules of a policy blackout: {@code overrideRoles} (an approval in one lifts it) and
 * {@code overrideReleaseTypes} (not frozen). Checked field by field in request order, each failure
 * naming its field; the pattern with the one rule the gate applies ({@link TargetPattern}).
 */
public record FreezeRequest(String name, TargetPattern target, String reason, Instant from, Instant to,
                            Set<String> overrideRoles, Set<String> overrideReleaseTypes) {

    public FreezeRequest {
        Fields.name("name", name);
        Fields.require("target", target != null, "is required");
        Fields.text("reason", reason, 2000);
        Fields.require("to", to != null && from != null && to.isAfter(from),
                "must be after 'from' (the freeze is the window [from, to))");
        overrideRoles = Set.copyOf(overrideRoles);
        overrideReleaseTypes = Set.copyOf(overrideReleaseTypes);
    }

    /** Validates the raw fields in request order, each failure naming its field. */
    public static FreezeRequest of(String name, String target, String reason, String from, String to,
                                   List<String> overrideRoles, List<String> overrideReleaseTypes) {
        Fields.name("name", name);
        String problem = TargetPattern.problem(target).orElse(null);
        if (problem != null) {
            throw new InvalidFieldException("target", problem);
        }
        Fields.text("reason", reason, 2000);
        Instant start = Fields.instant("from", from);
        Instant end = Fields.instant("to", to);
        Set<String> roles = new TreeSet<>();
        for (String role : overrideRoles == null ? List.<String>of() : overrideRoles) {
            roles.add(Fields.name("override.roles", role));
        }
        Set<String> types = new TreeSet<>();
        for (String type : overrideReleaseTypes == null ? List.<String>of() : overrideReleaseTypes) {
            Fields.require("override.releaseTypes", type != null && isReleaseType(type),
                    "must list release types (" + String.join(", ", releaseTypes()) + ") but had '" + type + "'");
            types.add(type);
        }
        return new FreezeRequest(name, new TargetPattern(target), reason, start, end, roles, types);
    }

    private static boolean isReleaseType(String type) {
        return releaseTypes().contains(type);
    }

    private static List<String> releaseTypes() {
        return Arrays.stream(ReleaseType.values()).map(Enum::name).toList();
    }
}
