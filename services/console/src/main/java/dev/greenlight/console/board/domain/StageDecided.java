package dev.greenlight.console.board.domain;

import java.time.Instant;
import java.util.List;

/**
 * The gate's verdict on one stage of a release: outcome (GO, NO_GO, HOLD), criteria, what is
 * missing, who must act next and when the verdict can next change by time alone.
 */
public record StageDecided(String target, String version, String stage, String outcome, String decisionId,
        List<Criterion> criteria, List<String> missing, List<Pending> pendingOn, Instant nextReviewAt,
        String policyName, String policyHash, Instant at) implements ConsoleEvent {

    public StageDecided {
        criteria = List.copyOf(criteria);
        missing = List.copyOf(missing);
        pendingOn = List.copyOf(pendingOn);
    }
}
