package dev.greenlight.policy.model;

import java.util.Set;

/**
 * A single GO/NO-GO condition of a stage. Sealed so the engine's dispatch is exhaustive and a new
 * kind cannot be added without an evaluator for it.
 */
public sealed interface Criterion permits CheckCriterion, AlertsCriterion, MetricCriterion,
        ApprovalCriterion, WindowCriterion, DependencyCriterion, VersionCriterion, OnCallCriterion {

    CriterionCommon common();

    /** Lower-case kind as written in the policy and reported in decisions. */
    String kind();

    default String name() {
        return common().name();
    }

    default boolean blocking() {
        return common().blocking();
    }

    default Set<String> waivableBy() {
        return common().waivableBy();
    }

    default boolean appliesTo(ReleaseType type) {
        return common().appliesTo().isEmpty() || common().appliesTo().contains(type);
    }
}
