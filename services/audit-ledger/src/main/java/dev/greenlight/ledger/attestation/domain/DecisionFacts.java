package dev.greenlight.ledger.attestation.domain;

import java.time.Instant;
import java.util.List;

/**
 * A recorded {@code GateDecided}, reduced to the values its attestation states, free of Avro so the
 * statement can be built (and tested) as a pure function.
 *
 * @param decisionId         the decision's id (its {@code meta.eventId})
 * @param target             the release's target
 * @param version            the release's version
 * @param stage              the stage the decision gates
 * @param outcome            GO, NO_GO or HOLD
 * @param criteria           every criterion in policy order
 * @param missing            what is still needed for GO
 * @param policyName         the policy's name
 * @param policyVersion      the policy's declared version
 * @param policyContentHash  lower-case hex SHA-256 of the policy document
 * @param evaluatedAt        the evaluator's time of evaluation
 * @param previousDecisionId the decision this one follows, or null
 * @param evidenceIds        {@code meta.eventId} of every event the decision was computed from
 */
public record DecisionFacts(String decisionId, String target, String version, String stage, String outcome,
        List<CriterionFacts> criteria, List<String> missing, String policyName, String policyVersion,
        String policyContentHash, Instant evaluatedAt, String previousDecisionId, List<String> evidenceIds) {

    public DecisionFacts {
        criteria = List.copyOf(criteria);
        missing = List.copyOf(missing);
        evidenceIds = List.copyOf(evidenceIds);
    }
}
