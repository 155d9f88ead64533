package dev.greenlight.approval.killswitch.domain;

/** Turning a target's kill switch on (stop it now) or off (it may be released again). */
public enum KillSwitchAction {
    ACTIVATE, DEACTIVATE
}
