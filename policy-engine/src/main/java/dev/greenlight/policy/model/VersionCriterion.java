package dev.greenlight.policy.model;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Semantic-version rules for a stage.
 *
 * <p>Why {@code releaseTags}: runbooks tag emergency releases {@code v1.2.4-hotfix} or
 * {@code v1.x.x-hotfix.1}. SemVer calls anything after the hyphen a pre-release, but those are
 * releases; alpha, beta and rc are not. A tag listed here marks a release when it is the first
 * identifier of the pre-release part, so {@code 1.2.4-hotfix.1} passes a stage that refuses
 * pre-releases while {@code 1.2.4-beta.1} does not, whatever release type either was registered
 * with.
 *
 * @param preReleaseAllowed false stops versions like 1.2.0-beta.1 from entering the stage
 * @param majorRequiresRole a MAJOR bump over the previous released version needs an approval in
 *                          this role; null for no rule
 * @param releaseTags pre-release identifiers that denote a release (lower case), e.g. {@code hotfix}
 */
public record VersionCriterion(CriterionCommon common, boolean preReleaseAllowed, String majorRequiresRole,
                               Set<String> releaseTags) implements Criterion {

    public VersionCriterion {
        releaseTags = releaseTags.stream().map(tag -> tag.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public VersionCriterion(CriterionCommon common, boolean preReleaseAllowed, String majorRequiresRole) {
        this(common, preReleaseAllowed, majorRequiresRole, Set.of());
    }

    @Override
    public String kind() {
        return "version";
    }
}
