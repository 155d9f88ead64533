package dev.greenlight.policy.engine;

import static dev.greenlight.policy.engine.CriterionStatus.PASS;
import static dev.greenlight.policy.engine.CriterionStatus.PENDING;

import dev.greenlight.policy.evidence.Approval;
import dev.greenlight.policy.model.Blackout;
import dev.greenlight.policy.model.WindowCriterion;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Blackout windows. Inside a blackout the criterion is PENDING rather than FAIL: nothing is wrong
 * with the release, it only has to wait, and nextChangeAt says until when. An override release
 * type or an approval in an override role lets it through.
 */
final class WindowEvaluator implements CriterionEvaluator<WindowCriterion> {

    @Override
    public CriterionResult evaluate(WindowCriterion criterion, EvaluationContext context) {
        ZonedDateTime local = context.at().atZone(criterion.zone());
        List<Blackout> active = criterion.blackouts().stream().filter(b -> b.contains(local)).toList();
        var nextChange = context.earliestFuture(criterion.blackouts().stream()
                .map(b -> b.nextBoundaryAfter(local))
                .map(time -> time == null ? null : time.toInstant()));
        String threshold = "outside " + String.join(", ", criterion.blackouts().stream().map(Blackout::describe).toList())
                + " (" + criterion.zone() + ")";
        if (active.isEmpty()) {
            return CriterionResult.of(criterion, PASS, "no blackout", threshold,
                    "outside all blackout periods", List.of(), nextChange);
        }
        String blackout = active.get(0).describe();
        if (criterion.overrideTypes().contains(context.release().type())) {
            return CriterionResult.of(criterion, PASS, "in blackout " + blackout, threshold,
                    "blackout " + blackout + " does not apply to " + context.release().type() + " releases",
                    List.of(), nextChange);
        }
        Optional<Approval> override = criterion.overrideRoles().stream().sorted()
                .map(role -> ApprovalRules.approvedWithoutRejection(role, context))
                .flatMap(Optional::stream)
                .findFirst();
        if (override.isPresent()) {
            return CriterionResult.of(criterion, PASS, "in blackout " + blackout, threshold,
                    "blackout " + blackout + " overridden by " + override.get().approver() + " ("
                            + override.get().role() + ")", List.of(override.get().id()), nextChange);
        }
        return CriterionResult.of(criterion, PENDING, "in blackout " + blackout, threshold,
                "in blackout " + blackout + " until " + nextChange + overrideHint(criterion), List.of(), nextChange);
    }

    private static String overrideHint(WindowCriterion criterion) {
        return criterion.overrideRoles().isEmpty() ? ""
                : "; an approval by " + String.join("/", criterion.overrideRoles().stream().sorted().toList())
                + " overrides it";
    }
}
