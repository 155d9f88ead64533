package dev.greenlight.policy.engine;

import dev.greenlight.policy.evidence.Approval;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When an approval counts at all, shared by every kind that looks at approvals (approval,
 * version, window overrides) so "valid approval" means one thing: known by evaluation time, not
 * revoked, not expired ({@code expiresAt <= T} is expired), bound to the release's revision or to
 * none, younger than {@code maxAge}, and not given by the release author under any of their names
 * (compared as identities: case, spacing, Unicode forms and invisible characters do not tell them apart).
 */
final class ApprovalRules {

    private ApprovalRules() {
    }

    static String whyNotCounted(Approval approval, EvaluationContext context, Duration maxAge) {
        if (!context.known(approval.at())) {
            return "not yet given";
        }
        if (approval.revoked()) {
            return "revoked";
        }
        if (approval.expiresAt() != null && !approval.expiresAt().isAfter(context.at())) {
            return "expired";
        }
        if (approval.revision() != null && !approval.revision().equals(context.release().revision())) {
            return "for another revision";
        }
        if (maxAge != null && !context.within(approval.at(), maxAge)) {
            return "older than " + DurationText.format(maxAge);
        }
        if (context.release().authoredBy(approval.approver())) {
            return "by the release author";
        }
        return null;
    }

    static boolean counts(Approval approval, EvaluationContext context, Duration maxAge) {
        return whyNotCounted(approval, context, maxAge) == null;
    }

    /** Approvals and rejections that count for the role, oldest first. */
    static List<Approval> valid(String role, EvaluationContext context, Duration maxAge) {
        return context.evidence().approvals().stream()
                .filter(approval -> approval.role().equals(role))
                .filter(approval -> counts(approval, context, maxAge))
                .sorted(Comparator.comparing(Approval::at).thenComparing(Approval::id))
                .toList();
    }

    /** The role's latest counting verdict: a rejection stands until a later approval in the role. */
    static Optional<Approval> latest(String role, EvaluationContext context, Duration maxAge) {
        List<Approval> valid = valid(role, context, maxAge);
        return valid.isEmpty() ? Optional.empty() : Optional.of(valid.get(valid.size() - 1));
    }

    /** When a counting approval stops counting by time alone. */
    static Instant lapsesAt(Approval approval, Duration maxAge) {
        Instant aged = maxAge == null ? null : approval.at().plus(maxAge);
        if (approval.expiresAt() == null) {
            return aged;
        }
        return aged == null || approval.expiresAt().isBefore(aged) ? approval.expiresAt() : aged;
    }
}
