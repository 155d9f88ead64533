package dev.greenlight.ledger.evidence.domain;

import java.time.Instant;
import java.util.List;

/**
 * The RL playbook's decision record ("timestamp and decision maker, all criteria status, justification,
 * next review date if NO-GO") for one stage, built from the stage's latest recorded {@code GateDecided}.
 *
 * @param stage          policy stage
 * @param time           {@code evaluatedAt} of the decision
 * @param outcome        GO, NO_GO or HOLD
 * @param decisionMakers the gate evaluator, plus every approver and waiver grantor the decision cites
 * @param criteria       every criterion as recorded
 * @param missing        evidence the decision named as missing
 * @param justification  the reasons that carry the outcome, waiver rationales and approver comments
 * @param nextReview     see {@link NextReview}
 * @param policy         {@code name vVERSION (sha256 …)} the decision was made under
 * @param decisionId     id of the recorded decision
 * @param source         the {@code GateDecided} entry
 * @param history        the stage's outcome changes, oldest first (the last one is this decision's outcome)
 * @param pendingOn      what a HOLD waits for, one line per blocking criterion ("release-approvals: missing
 *                       approval: operations (roles operations)"); empty for GO and NO_GO
 */
public record DecisionRecord(String stage, Instant time, String outcome, List<String> decisionMakers,
        List<CriterionRecord> criteria, List<String> missing, List<String> justification, NextReview nextReview,
        String policy, String decisionId, Source source, List<OutcomeChange> history, List<String> pendingOn) {
}
