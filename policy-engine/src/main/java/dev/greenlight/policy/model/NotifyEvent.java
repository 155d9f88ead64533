package dev.greenlight.policy.model;

/**
 * What a policy's {@code notify:} rule asks to be told about; the integrations service delivers the
 * same kinds to runtime subscriptions (its {@code EventKind} carries the same names).
 */
public enum NotifyEvent {
    /** A stage's verdict changed (GO / NO-GO / HOLD). */
    DECISION_CHANGED,
    /** A stage waits on HOLD for a sign-off; the notification names who can give it. */
    APPROVAL_NEEDED,
    /** A guard tripped (rollback, pause, kill) or a kill switch was activated. */
    GUARD_TRIPPED,
    /** A named hold or a runtime freeze was placed. */
    HOLD_PLACED,
    /** A hotfix obligation passed its deadline. */
    OBLIGATION_OVERDUE
}
