package dev.greenlight.gate.decision.domain;

import dev.greenlight.policy.engine.CriterionResult;
import dev.greenlight.policy.engine.CriterionStatus;
import dev.greenlight.policy.engine.Decision;
import dev.greenlight.policy.engine.Outcome;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the gate remembers of the last decision it emitted for a stage: enough to tell whether a
 * new one says anything new, and to name it as the new one's previous decision.
 *
 * @param statuses criterion status by criterion name, in the decision's order
 */
public record LastVerdict(String decisionId, Outcome outcome, String policyHash,
                          Map<String, CriterionStatus> statuses) {

    public LastVerdict {
        statuses = Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
    }

    /** The verdict of a decision the engine just computed. */
    public static LastVerdict of(Decision decision) {
        Map<String, CriterionStatus> statuses = new LinkedHashMap<>();
        for (CriterionResult criterion : decision.criteria()) {
            statuses.put(criterion.name(), criterion.status());
        }
        return new LastVerdict(decision.decisionId(), decision.outcome(), decision.policy().contentHash(), statuses);
    }

    /**
     * Whether {@code next} tells a reader anything new: a different outcome, another policy
     * document, or a criterion whose status changed (or appeared / disappeared). New evidence
     * that leaves every status as it was is not a new decision.
     */
    boolean changedBy(LastVerdict next) {
        return outcome != next.outcome || !policyHash.equals(next.policyHash) || !statuses.equals(next.statuses);
    }
}
