package dev.greenlight.policy.evidence;

/** Whether a reviewer signed off or refused. */
public enum Verdict {
    APPROVE, REJECT
}
