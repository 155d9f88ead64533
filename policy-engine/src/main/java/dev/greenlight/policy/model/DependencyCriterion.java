package dev.greenlight.policy.model;

/**
 * Another work item (e.g. issue "#80") must be closed. Its state arrives as a check named
 * {@code dependency:<item>}, so dependencies need no evidence type of their own.
 */
public record DependencyCriterion(CriterionCommon common, String item) implements Criterion {

    public String checkName() {
        return "dependency:" + item;
    }

    @Override
    public String kind() {
        return "dependency";
    }
}
