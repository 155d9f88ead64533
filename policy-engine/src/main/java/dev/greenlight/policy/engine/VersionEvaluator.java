package dev.greenlight.policy.engine;

import static dev.greenlight.policy.engine.CriterionStatus.FAIL;
import static dev.greenlight.policy.engine.CriterionStatus.PASS;
import static dev.greenlight.policy.engine.CriterionStatus.PENDING;

import dev.greenlight.policy.evidence.Approval;
import dev.greenlight.policy.model.VersionCriterion;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Version rules: an unparseable version or a forbidden pre-release (not one of the criterion's
 * release tags, such as {@code -hotfix}) fails; a MAJOR bump (or a first
 * release, when no previous version is known — the conservative reading) waits for an approval
 * in the named role.
 */
final class VersionEvaluator implements CriterionEvaluator<VersionCriterion> {

    @Override
    public CriterionResult evaluate(VersionCriterion criterion, EvaluationContext context) {
        String version = context.release().version();
        String previous = context.evidence().previousVersion();
        String releaseTags = criterion.releaseTags().isEmpty() ? ""
                : " (" + String.join(", ", criterion.releaseTags().stream().sorted().map(tag -> "-" + tag).toList())
                + " tags are releases)";
        String threshold = (criterion.preReleaseAllowed() ? "" : "no pre-release" + releaseTags)
                + (criterion.majorRequiresRole() == null ? ""
                : (criterion.preReleaseAllowed() ? "" : ", ") + "MAJOR bump needs " + criterion.majorRequiresRole());
        Optional<SemanticVersion> parsed = SemanticVersion.parse(version);
        if (parsed.isEmpty()) {
            return CriterionResult.of(criterion, FAIL, version, threshold,
                    version + " is not a semantic version", List.of(), null);
        }
        if (!criterion.preReleaseAllowed() && parsed.get().isPreReleaseExcept(criterion.releaseTags())) {
            return CriterionResult.of(criterion, FAIL, version, threshold,
                    "pre-release " + version + " may not enter this stage", List.of(), null);
        }
        if (criterion.majorRequiresRole() == null) {
            return CriterionResult.of(criterion, PASS, version, threshold, version + " meets the version rules",
                    List.of(), null);
        }
        Optional<SemanticVersion> before = SemanticVersion.parse(previous);
        boolean major = before.isEmpty() || parsed.get().major() > before.get().major();
        String bump = (previous == null ? "first release " : previous + " -> ") + version;
        if (!major) {
            return CriterionResult.of(criterion, PASS, bump, threshold, bump + " is not a MAJOR bump", List.of(), null);
        }
        String role = criterion.majorRequiresRole();
        List<Approval> rejections = ApprovalRules.standingRejections(role, context);
        if (!rejections.isEmpty()) {
            return CriterionResult.of(criterion, FAIL, bump, threshold, "MAJOR bump " + bump + " rejected: "
                    + ApprovalRules.describeRejections(rejections)
                    + "; blocks until withdrawn by who rejected or the criterion is waived",
                    rejections.stream().map(Approval::id).toList(),
                    context.earliestFuture(rejections.stream().map(Approval::expiresAt)));
        }
        Optional<Approval> latest = ApprovalRules.approvedWithoutRejection(role, context);
        if (latest.isPresent()) {
            return CriterionResult.of(criterion, PASS, bump, threshold, "MAJOR bump " + bump + " approved by "
                    + latest.get().approver() + " (" + role + ")", List.of(latest.get().id()),
                    context.earliestFuture(Stream.of(ApprovalRules.lapsesAt(latest.get(), null))));
        }
        return CriterionResult.of(criterion, PENDING, bump, threshold,
                "MAJOR bump " + bump + " needs an approval by " + role, List.of(), null);
    }
}
