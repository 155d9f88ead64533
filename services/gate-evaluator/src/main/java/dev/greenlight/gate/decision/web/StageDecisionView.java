package dev.greenlight.gate.decision.web;

import dev.greenlight.events.CriterionResult;
import dev.greenlight.events.GateDecided;
import java.time.Instant;
import java.util.List;

/** The current decision of one stage, with every criterion's reason, as the REST API shows it. */
record StageDecisionView(String stage, String outcome, String decisionId, String previousDecisionId,
                         Instant evaluatedAt, Instant nextChangeAt, List<String> missing,
                         List<CriterionView> criteria, PolicyRefView policy) {

    record CriterionView(String name, String kind, String status, boolean blocking, String observed,
                         String threshold, String reason, List<String> evidenceIds) {

        static CriterionView of(CriterionResult c) {
            return new CriterionView(c.getName(), c.getKind(), c.getStatus().name(), c.getBlocking(), c.getObserved(),
                    c.getThreshold(), c.getReason(), List.copyOf(c.getEvidenceIds()));
        }
    }

    record PolicyRefView(String name, String version, String contentHash) {
    }

    static StageDecisionView of(GateDecided d) {
        return new StageDecisionView(d.getStage(), d.getOutcome().name(), d.getDecisionId(), d.getPreviousDecisionId(),
                d.getEvaluatedAt(), d.getNextChangeAt(), List.copyOf(d.getMissing()),
                d.getCriteria().stream().map(CriterionView::of).toList(),
                new PolicyRefView(d.getPolicy().getName(), d.getPolicy().getVersion(), d.getPolicy().getContentHash()));
    }
}
