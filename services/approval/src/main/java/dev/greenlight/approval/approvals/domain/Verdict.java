package dev.greenlight.approval.approvals.domain;

/** What a reviewer says about a release in one role. */
public enum Verdict {
    APPROVE, REJECT
}
