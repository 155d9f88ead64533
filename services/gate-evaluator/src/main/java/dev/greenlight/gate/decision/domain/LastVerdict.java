package dev.greenlight.gate.decision.domain;

import dev.greenlight.policy.engine.CriterionResult;
import dev.greenlight.policy.engine.CriterionStatus;
import dev.greenlight.policy.engine.Decision;
import dev.greenlight.policy.engine.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the gate remembers of the last decision it emitted for a stage: enough to tell whether a
 * new one says anything new, and to name it as the new one's previous decision.
 *
 * @param statuses criterion status by criterion name, in the decision's order
 * @param digest {@link VerdictDigest} of the decision (observed values and missing list included);
 *               null when unknown, and then only outcome, policy and statuses are compared
 */
public record LastVerdict(String decisionId, Outcome outcome, String policyHash,
                          Map<String, CriterionStatus> statuses, String digest) {

    public LastVerdict {
        statuses = Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
    }

    /** A verdict without a digest. */
    public LastVerdict(String decisionId, Outcome outcome, String policyHash, Map<String, CriterionStatus> statuses) {
        this(decisionId, outcome, policyHash, statuses, null);
    }

    /** The verdict of a decision the engine just computed. */
    public static LastVerdict of(Decision decision) {
        Map<String, CriterionStatus> statuses = new LinkedHashMap<>();
        List<VerdictDigest.Item> items = new ArrayList<>(decision.criteria().size());
        for (CriterionResult criterion : decision.criteria()) {
            statuses.put(criterion.name(), criterion.status());
            items.add(new VerdictDigest.Item(criterion.name(), criterion.status(), criterion.observed()));
        }
        return new LastVerdict(decision.decisionId(), decision.outcome(), decision.policy().contentHash(), statuses,
                VerdictDigest.of(decision.outcome(), decision.policy().contentHash(), items, decision.missing()));
    }

    /**
     * Whether {@code next} tells a reader anything new: a different outcome, another policy
     * document, or a criterion whose status changed (or appeared / disappeared). New evidence
     * that leaves every status as it was is not a new decision.
     */
    boolean changedBy(LastVerdict next) {
        return outcome != next.outcome || !policyHash.equals(next.policyHash) || !statuses.equals(next.statuses);
    }

    /**
     * Whether {@code next} differs only in what the live view shows beside the statuses: a
     * criterion's observed value or the missing list (compared by {@link VerdictDigest}). The gate
     * records such a change too, at most once per coalescing tick for metric samples.
     */
    boolean detailChangedBy(LastVerdict next) {
        return digest != null && next.digest != null && !digest.equals(next.digest);
    }
}
