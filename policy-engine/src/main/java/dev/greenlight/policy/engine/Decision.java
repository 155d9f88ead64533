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
 * @param accountability next review, what a HOLD is pending on, who the decision rests on
 */
public record Decision(String decisionId, String target, String version, String stage, Outcome outcome,
                       List<CriterionResult> criteria, List<String> missing, Instant nextChangeAt, PolicyRef policy,
                       Instant evaluatedAt, List<String> evidenceIds, Accountability accountability) {

    public Decision {
        criteria = List.copyOf(criteria);
        missing = List.copyOf(missing);
        evidenceIds = List.copyOf(evidenceIds);
        accountability = accountability == null ? Accountability.NONE : accountability;
    }

    /** A decision without {@link Accountability} (built by hand, e.g. in a test). */
    public Decision(String decisionId, String target, String version, String stage, Outcome outcome,
                    List<CriterionResult> criteria, List<String> missing, Instant nextChangeAt, PolicyRef policy,
                    Instant evaluatedAt, List<String> evidenceIds) {
        this(decisionId, target, version, stage, outcome, criteria, missing, nextChangeAt, policy, evaluatedAt,
                evidenceIds, Accountability.NONE);
    }

    public CriterionResult criterion(String name) {
        return criteria.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no criterion '" + name + "' in decision"));
    }
}
