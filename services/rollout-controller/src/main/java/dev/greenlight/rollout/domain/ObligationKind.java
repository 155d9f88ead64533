package dev.greenlight.rollout.domain;

/** What a hotfix owes after bypassing the staged ramp. */
public enum ObligationKind {
    /** A written post-mortem of the live issue the hotfix fixed. */
    POST_MORTEM,
    /** A normally gated release that supersedes the hotfix. */
    PROPER_RELEASE
}
