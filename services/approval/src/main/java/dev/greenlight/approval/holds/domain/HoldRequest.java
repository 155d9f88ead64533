package dev.greenlight.approval.holds.domain;

import dev.greenlight.approval.common.domain.Fields;
import dev.greenlight.identity.TargetPattern;
import dev.greenlight.platform.failures.InvalidFieldException;

/**
 * A request to stop the line: a named hold on a target, a target pattern or everything ({@code *}).
 * The pattern is checked with the one rule the gate applies ({@link TargetPattern}), so a look-alike
 * or upper-case pattern is refused naming the field instead of silently covering something else.
 */
public record HoldRequest(String name, TargetPattern target, String reason) {

    public HoldRequest {
        Fields.name("name", name);
        Fields.require("target", target != null, "is required");
        Fields.text("reason", reason, 2000);
    }

    /** Validates the raw fields in request order, each failure naming its field. */
    public static HoldRequest of(String name, String target, String reason) {
        Fields.name("name", name);
        String problem = TargetPattern.problem(target).orElse(null);
        if (problem != null) {
            throw new InvalidFieldException("target", problem);
        }
        return new HoldRequest(name, new TargetPattern(target), reason);
    }
}
