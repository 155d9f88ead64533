package dev.greenlight.policy.engine;

/**
 * Result of one criterion, matching the decision record's enum. WAIVED counts as passing; WARN
 * passes unless the policy says warnings need a human.
 */
public enum CriterionStatus {
    PASS, WARN, FAIL, PENDING, WAIVED
}
