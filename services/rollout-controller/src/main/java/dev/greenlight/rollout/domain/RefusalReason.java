package dev.greenlight.rollout.domain;

/** Why the state machine refused a command; clients map these to distinct answers. */
public enum RefusalReason {
    /** No rollout of that version exists for the target. */
    UNKNOWN_ROLLOUT,
    /** Promotion without a GO for the next stage, and no override role. */
    NOT_APPROVED,
    /** The caller holds no role the rollout's policy allows for this command, or is the author overriding the gate. */
    NOT_PERMITTED,
    /** The command does not apply in the rollout's current state. */
    ILLEGAL_STATE,
    /** The target's kill switch is on; nothing may move traffic up. */
    KILL_SWITCH_ACTIVE,
    /** A manual command needs a reason for the audit trail. */
    REASON_REQUIRED
}
