package dev.greenlight.console.board.domain;

import java.time.Instant;
import java.util.List;

/** The latest verdict on one stage of a release. */
public record StageView(String stage, String outcome, String decisionId, List<Criterion> criteria,
        List<String> missing, List<Pending> pendingOn, Instant nextReviewAt, Instant decidedAt) {

    public StageView {
        criteria = List.copyOf(criteria);
        missing = List.copyOf(missing);
        pendingOn = List.copyOf(pendingOn);
    }

    static StageView of(StageDecided decided) {
        return new StageView(decided.stage(), decided.outcome(), decided.decisionId(), decided.criteria(),
                decided.missing(), decided.pendingOn(), decided.nextReviewAt(), decided.at());
    }
}
