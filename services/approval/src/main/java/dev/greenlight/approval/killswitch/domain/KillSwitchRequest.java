package dev.greenlight.approval.killswitch.domain;

import dev.greenlight.approval.common.domain.Fields;

/** A manual flip of a target's kill switch; the reason is mandatory for both directions. */
public record KillSwitchRequest(String target, KillSwitchAction action, String reason) {

    public KillSwitchRequest {
        Fields.target(target);
        Fields.require("action", action != null, "is required, ACTIVATE or DEACTIVATE");
        Fields.text("reason", reason, 2000);
    }
}
