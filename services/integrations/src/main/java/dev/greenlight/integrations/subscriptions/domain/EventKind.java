package dev.greenlight.integrations.subscriptions.domain;

/** What a subscription can ask to be told about. */
public enum EventKind {
    /** A stage's verdict changed (GO / NO-GO / HOLD), first verdicts included. */
    DECISION_CHANGED,
    /** A stage is on HOLD waiting for a sign-off; the notification names the roles that can give it. */
    APPROVAL_NEEDED,
    /** A guard tripped: a rollback, or a kill switch activated (by a person or by a guard). */
    GUARD_TRIPPED,
    /** A named hold or a runtime freeze was placed on a target or a pattern. */
    HOLD_PLACED,
    /** A hotfix obligation (post-mortem, follow-up release) passed its deadline. */
    OBLIGATION_OVERDUE
}
