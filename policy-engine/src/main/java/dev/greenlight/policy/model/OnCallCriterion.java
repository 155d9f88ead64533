package dev.greenlight.policy.model;

import java.time.Duration;

/**
 * Someone on call must have acknowledged covering the deployment.
 *
 * @param coverFor the acknowledged window must reach at least this far past evaluation time
 *                 (the deployment window); null means covering the evaluation instant suffices
 */
public record OnCallCriterion(CriterionCommon common, Duration coverFor) implements Criterion {

    @Override
    public String kind() {
        return "on-call";
    }
}
