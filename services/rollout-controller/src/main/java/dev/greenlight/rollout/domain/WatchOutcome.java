package dev.greenlight.rollout.domain;

/** How a post-promotion watch ended; recorded so the ledger says whether the version was ever watched out. */
public enum WatchOutcome {
    /** The watch ran out without a due trip of an armed guard; the rollout completed. */
    PASSED,
    /** An armed ROLLBACK guard or a person's abort took the version's traffic back to the stable version. */
    ROLLED_BACK,
    /** A newer release of the target was deployed; the watched version completed then, as the one its rollback restores. */
    SUPERSEDED,
    /** The target's kill switch (an armed KILL guard or an operator) took the traffic to 0. */
    KILLED
}
