package dev.greenlight.gate.decision.web;

import dev.greenlight.events.CriterionResult;
import dev.greenlight.events.GateDecided;
import java.time.Instant;
import java.util.List;

/**
 * The current decision of one stage, with every criterion's reason, as the REST API shows it —
 * and, for a NO-GO or HOLD, when it is next reviewed and (HOLD) what it waits for, and who it
 * rests on. Those three are null for decisions recorded before they existed.
 */
record StageDecisionView(String stage, String outcome, String decisionId, String previousDecisionId,
                         Instant evaluatedAt, Instant nextChangeAt, List<String> missing,
                         List<CriterionView> criteria, PolicyRefView policy, Instant nextReviewAt,
                         String nextReviewBasis, List<PendingView> pendingOn, List<DecisionMakerView> decisionMakers) {

    record PendingView(String criterion, String kind, String waitingFor, List<String> roles, Instant until) {
    }

    record DecisionMakerView(String who, String role, String basis, String evidenceId) {
    }

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
                new PolicyRefView(d.getPolicy().getName(), d.getPolicy().getVersion(), d.getPolicy().getContentHash()),
                d.getNextReviewAt(), d.getNextReviewBasis(),
                d.getPendingOn() == null ? null : d.getPendingOn().stream().map(p -> new PendingView(p.getCriterion(),
                        p.getKind(), p.getWaitingFor(), List.copyOf(p.getRoles()), p.getUntil())).toList(),
                d.getDecisionMakers() == null ? null : d.getDecisionMakers().stream().map(m -> new DecisionMakerView(
                        m.getWho(), m.getRole(), m.getBasis(), m.getEvidenceId())).toList());
    }
}
