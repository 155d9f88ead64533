package dev.greenlight.policy.model;

/**
 * Semantic-version rules for a stage.
 *
 * @param preReleaseAllowed false stops versions like 1.2.0-beta.1 from entering the stage
 * @param majorRequiresRole a MAJOR bump over the previous released version needs an approval in
 *                          this role; null for no rule
 */
public record VersionCriterion(CriterionCommon common, boolean preReleaseAllowed, String majorRequiresRole)
        implements Criterion {

    @Override
    public String kind() {
        return "version";
    }
}
