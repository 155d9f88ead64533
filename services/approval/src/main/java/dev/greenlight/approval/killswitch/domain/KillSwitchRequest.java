package dev.greenlight.approval.killswitch.domain;

import dev.greenlight.approval.common.domain.Fields;
import dev.greenlight.identity.TargetPattern;

/**
 * A manual flip of a target's kill switch; the reason is mandatory for both directions. The target
 * may also be a pattern ({@code payments-*}, or {@code *} for everything: the org-wide kill switch),
 * checked with the one rule every consumer applies ({@link TargetPattern}).
 */
public record KillSwitchRequest(String target, KillSwitchAction action, String reason) {

    public KillSwitchRequest {
        if (target != null && target.indexOf('*') >= 0) {
            Fields.require("target", TargetPattern.problem(target).isEmpty(),
                    TargetPattern.problem(target).orElse(""));
        } else {
            Fields.target(target);
        }
        Fields.require("action", action != null, "is required, ACTIVATE or DEACTIVATE");
        Fields.text("reason", reason, 2000);
    }
}
