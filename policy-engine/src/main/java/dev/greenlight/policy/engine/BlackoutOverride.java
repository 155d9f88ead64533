package dev.greenlight.policy.engine;

import dev.greenlight.policy.evidence.Approval;
import dev.greenlight.policy.model.ReleaseType;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one override rule of every blackout, policy {@code window} or runtime freeze alike: releases
 * of an override type are not frozen, and an approval (without a standing rejection) in an override
 * role lifts the blackout. Both places ask this class, so the two kinds of freeze cannot drift.
 *
 * @param because     how the blackout was lifted, e.g. "does not apply to HOTFIX releases"
 * @param evidenceIds the approval that lifted it, if any
 */
record BlackoutOverride(String because, List<String> evidenceIds) {

    static Optional<BlackoutOverride> find(Set<String> roles, Set<ReleaseType> types, EvaluationContext context) {
        ReleaseType type = context.release().type();
        if (types.contains(type)) {
            return Optional.of(new BlackoutOverride("does not apply to " + type + " releases", List.of()));
        }
        Optional<Approval> approval = roles.stream().sorted()
                .map(role -> ApprovalRules.approvedWithoutRejection(role, context))
                .flatMap(Optional::stream)
                .findFirst();
        return approval.map(a -> new BlackoutOverride("overridden by " + a.approver() + " (" + a.role() + ")",
                List.of(a.id())));
    }

    /** "; an approval by management overrides it", or nothing when no role may override. */
    static String hint(Set<String> roles) {
        return roles.isEmpty() ? ""
                : "; an approval by " + String.join("/", roles.stream().sorted().toList()) + " overrides it";
    }
}
