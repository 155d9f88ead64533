package dev.greenlight.policy.engine;

import java.time.Instant;
import java.util.List;

/**
 * The engine's verdict for one release at one stage: a value that maps one-to-one onto the
 * GateDecided event, built without the event classes so the engine stays framework-free.
 *
 * @param decisionId see {@link DecisionId} for the exact definition
 * @param criteria results of the stage's applicable criteria, in policy order
 * @param missing what is still needed for GO, as {@code kind:name}
 * @param nextChangeAt earliest nextChangeAt over all criteria; null if none
 * @param evidenceIds every evidence id in the snapshot, sorted ascending
 */
public record Decision(String decisionId, String target, String version, String stage, Outcome outcome,
                       List<CriterionResult> criteria, List<String> missing, Instant nextChangeAt, PolicyRef policy,
                       Instant evaluatedAt, List<String> evidenceIds) {

    public Decision {
        criteria = List.copyOf(criteria);
        missing = List.copyOf(missing);
        evidenceIds = List.copyOf(evidenceIds);
    }

    public CriterionResult criterion(String name) {
        return criteria.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no criterion '" + name + "' in decision"));
    }
}
