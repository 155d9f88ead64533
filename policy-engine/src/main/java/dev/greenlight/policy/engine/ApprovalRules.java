package dev.greenlight.policy.engine;

import dev.greenlight.policy.evidence.Approval;
import dev.greenlight.policy.evidence.Verdict;
import dev.greenlight.identity.Identity;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * When an approval counts at all, shared by every kind that looks at approvals (approval,
 * version, window overrides) so "valid approval" means one thing: known by evaluation time, not
 * revoked, not expired ({@code expiresAt <= T} is expired), bound to the release's revision or to
 * none, younger than {@code maxAge}, and — for an APPROVE — not given by the release author under
 * any of their names (compared as identities: case, spacing, Unicode forms and invisible characters
 * do not tell them apart).
 *
 * <p>Rejections follow a stricter rule because they can only make the gate stricter: a REJECT
 * stands until the person who gave it withdraws it (an {@code ApprovalRevoked}, or a later verdict
 * of their own in the same role). It does not age out with {@code maxAge}, the release author's own
 * REJECT counts like anyone's, and an approval by somebody else never lifts it — only a waiver of
 * the criterion does (see {@link Waivers}).
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
        if (approval.verdict() == Verdict.APPROVE && context.release().authoredBy(approval.approver())) {
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

    /**
     * The rejections standing in the role, oldest first: each person's latest verdict in the role
     * (whatever its age) when that verdict is a REJECT. Somebody else's approval does not lift it.
     */
    static List<Approval> standingRejections(String role, EvaluationContext context) {
        Map<String, Approval> latestByPerson = new TreeMap<>();
        for (Approval verdict : valid(role, context, null)) {
            latestByPerson.put(Identity.comparisonKey(verdict.approver()), verdict); // valid() is oldest first
        }
        return latestByPerson.values().stream()
                .filter(verdict -> verdict.verdict() == Verdict.REJECT)
                .sorted(Comparator.comparing(Approval::at).thenComparing(Approval::id))
                .toList();
    }

    /** The role's latest counting APPROVE, when no rejection stands in the role. */
    static Optional<Approval> approvedWithoutRejection(String role, EvaluationContext context) {
        if (!standingRejections(role, context).isEmpty()) {
            return Optional.empty();
        }
        return valid(role, context, null).stream().filter(a -> a.verdict() == Verdict.APPROVE)
                .reduce((first, second) -> second);
    }

    /** "bob (code-review) rejected at 2026-03-10T11:00:00Z, eve (risk) rejected at ...". */
    static String describeRejections(List<Approval> rejections) {
        return String.join(", ", rejections.stream()
                .map(r -> r.approver() + " (" + r.role() + ") rejected at " + r.at()).toList());
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
