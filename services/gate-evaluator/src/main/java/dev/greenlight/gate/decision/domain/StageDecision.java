package dev.greenlight.gate.decision.domain;

import dev.greenlight.policy.engine.CheckpointDecision;
import dev.greenlight.policy.engine.Decision;

/**
 * A decision the gate emits: the engine's decision for one stage of a release whose verdict
 * changed, naming the decision it follows (null for the first of the stage).
 *
 * @param checkpoint set when this is a monitoring checkpoint's decision (then {@code decision} is
 *                   its decision); null for the gate of a stage
 */
public record StageDecision(String version, Decision decision, String previousDecisionId,
                            CheckpointDecision checkpoint) {

    /** The gate decision of a stage. */
    public StageDecision(String version, Decision decision, String previousDecisionId) {
        this(version, decision, previousDecisionId, null);
    }
}
