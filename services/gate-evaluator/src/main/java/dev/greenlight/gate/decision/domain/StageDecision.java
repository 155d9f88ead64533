package dev.greenlight.gate.decision.domain;

import dev.greenlight.policy.engine.Decision;

/**
 * A decision the gate emits: the engine's decision for one stage of a release whose verdict
 * changed, naming the decision it follows (null for the first of the stage).
 */
public record StageDecision(String version, Decision decision, String previousDecisionId) {
}
