package dev.greenlight.policy.engine;

import static dev.greenlight.policy.engine.CriterionStatus.FAIL;
import static dev.greenlight.policy.engine.CriterionStatus.PASS;
import static dev.greenlight.policy.engine.CriterionStatus.PENDING;

import dev.greenlight.policy.evidence.Approval;
import dev.greenlight.policy.evidence.Verdict;
import dev.greenlight.policy.model.ApprovalCriterion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Approval criteria: each required role needs its own person, then distinct people in the
 * {@code anyOf} roles fill the quorum up to {@code count}. One person never fills two seats.
 * A standing REJECT in any of its roles fails the criterion (see {@link ApprovalRules}).
 */
final class ApprovalEvaluator implements CriterionEvaluator<ApprovalCriterion> {

    @Override
    public CriterionResult evaluate(ApprovalCriterion criterion, EvaluationContext context) {
        Set<String> roles = new LinkedHashSet<>(criterion.require());
        roles.addAll(criterion.anyOf());
        Map<String, Set<String>> approversByRole = new TreeMap<>();
        List<String> ids = new ArrayList<>();
        List<Approval> counted = new ArrayList<>();
        List<Approval> rejections = new ArrayList<>();
        roles.forEach(role -> rejections.addAll(ApprovalRules.standingRejections(role, context)));
        if (!rejections.isEmpty()) {
            return rejected(criterion, context, rejections);
        }
        for (String role : roles) {
            for (Approval approval : ApprovalRules.valid(role, context, criterion.maxAge())) {
                if (approval.verdict() == Verdict.APPROVE) {
                    approversByRole.computeIfAbsent(role, r -> new TreeSet<>()).add(approval.approver());
                    counted.add(approval);
                    ids.add(approval.id());
                }
            }
        }
        Seats best = bestSeating(criterion, approversByRole);
        String observed = best.people().size() + " of " + criterion.count() + " approvers"
                + (best.people().isEmpty() ? "" : " (" + String.join(", ", new TreeSet<>(best.people())) + ")");
        var nextChange = context.earliestFuture(counted.stream()
                .map(approval -> ApprovalRules.lapsesAt(approval, criterion.maxAge())));
        if (!best.missingRoles().isEmpty() || best.people().size() < criterion.count()) {
            List<String> missing = new ArrayList<>(best.missingRoles());
            int others = criterion.count() - best.people().size() - best.missingRoles().size();
            if (others > 0) {
                missing.add(others + " more of " + String.join("/", criterion.anyOf()));
            }
            return CriterionResult.of(criterion, PENDING, observed, threshold(criterion),
                    "missing approval: " + String.join(", ", missing) + ignored(criterion, context), ids, nextChange);
        }
        return CriterionResult.of(criterion, PASS, observed, threshold(criterion),
                "approved by " + String.join(", ", new TreeSet<>(best.people())), ids, nextChange);
    }

    /**
     * A standing REJECT in any of the criterion's roles fails it, whoever else approved, until its
     * author withdraws it or the criterion is waived. It can change by time alone only when a
     * rejection was given with an expiry.
     */
    private static CriterionResult rejected(ApprovalCriterion criterion, EvaluationContext context,
                                            List<Approval> rejections) {
        List<String> people = rejections.stream().map(Approval::approver).distinct().toList();
        return CriterionResult.of(criterion, FAIL, "rejected by " + String.join(", ", people), threshold(criterion),
                ApprovalRules.describeRejections(rejections)
                        + "; blocks until withdrawn by who rejected or the criterion is waived",
                rejections.stream().map(Approval::id).toList(),
                context.earliestFuture(rejections.stream().map(Approval::expiresAt)));
    }

    /** Tries every assignment of distinct people to required roles; small inputs, exact answer. */
    private static Seats bestSeating(ApprovalCriterion criterion, Map<String, Set<String>> approversByRole) {
        Set<String> anyOfPeople = new TreeSet<>();
        criterion.anyOf().forEach(role -> anyOfPeople.addAll(approversByRole.getOrDefault(role, Set.of())));
        return seat(criterion.require(), 0, new LinkedHashSet<>(), new ArrayList<>(), approversByRole,
                anyOfPeople, criterion.count());
    }

    private static Seats seat(List<String> required, int index, Set<String> used, List<String> missing,
                              Map<String, Set<String>> approversByRole, Set<String> anyOfPeople, int count) {
        if (index == required.size()) {
            Set<String> people = new LinkedHashSet<>(used);
            for (String person : anyOfPeople) {
                if (people.size() >= Math.max(count, used.size())) {
                    break;
                }
                people.add(person);
            }
            return new Seats(people, List.copyOf(missing));
        }
        String role = required.get(index);
        Seats best = null;
        for (String person : approversByRole.getOrDefault(role, Set.of())) {
            if (used.add(person)) {
                best = better(best, seat(required, index + 1, used, missing, approversByRole, anyOfPeople, count));
                used.remove(person);
            }
        }
        missing.add(role);
        best = better(best, seat(required, index + 1, used, missing, approversByRole, anyOfPeople, count));
        missing.remove(missing.size() - 1);
        return best;
    }

    private static Seats better(Seats a, Seats b) {
        if (a == null) {
            return b;
        }
        if (a.missingRoles().size() != b.missingRoles().size()) {
            return a.missingRoles().size() < b.missingRoles().size() ? a : b;
        }
        return a.people().size() >= b.people().size() ? a : b;
    }

    private static String ignored(ApprovalCriterion criterion, EvaluationContext context) {
        Map<String, Integer> reasons = new TreeMap<>();
        Set<String> roles = new HashSet<>(criterion.require());
        roles.addAll(criterion.anyOf());
        for (Approval approval : context.evidence().approvals()) {
            String why = roles.contains(approval.role())
                    ? ApprovalRules.whyNotCounted(approval, context, criterion.maxAge()) : null;
            if (why != null && !why.equals("not yet given")) {
                reasons.merge(why, 1, Integer::sum);
            }
        }
        if (reasons.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        reasons.forEach((why, n) -> parts.add(n + " " + why));
        return " (ignored: " + String.join(", ", parts) + ")";
    }

    private static String threshold(ApprovalCriterion criterion) {
        String base = criterion.anyOf().isEmpty() ? String.join(" + ", criterion.require())
                : (criterion.require().isEmpty() ? "" : String.join(" + ", criterion.require()) + " + ")
                + (criterion.count() - criterion.require().size()) + " of " + String.join("/", criterion.anyOf());
        return base + (criterion.maxAge() == null ? "" : ", within " + DurationText.format(criterion.maxAge()))
                + ", author excluded";
    }

    private record Seats(Set<String> people, List<String> missingRoles) {
    }
}
