package dev.greenlight.ledger.replay.application;

import java.util.List;

/**
 * One recorded decision re-evaluated under a candidate policy.
 *
 * @param baseline  the recorded outcome
 * @param candidate the outcome the candidate policy gives on the same evidence at the same instant
 * @param reasons   the candidate's criteria that decide the difference, each with its reason
 */
public record WhatIfResult(String decisionId, String release, String stage, String evaluatedAt, String baseline,
                           String candidate, List<String> reasons) {

    public WhatIfResult {
        reasons = List.copyOf(reasons);
    }

    public boolean flipped() {
        return !baseline.equals(candidate);
    }

    /** A release that passed would now be stopped: the Gate5 replay gate blocks on this. */
    public boolean blocks() {
        return "GO".equals(baseline) && "NO_GO".equals(candidate);
    }
}
