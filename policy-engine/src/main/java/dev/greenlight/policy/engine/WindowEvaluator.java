package dev.greenlight.policy.engine;

import static dev.greenlight.policy.engine.CriterionStatus.PASS;
import static dev.greenlight.policy.engine.CriterionStatus.PENDING;

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
        Optional<BlackoutOverride> override = BlackoutOverride.find(criterion.overrideRoles(),
                criterion.overrideTypes(), context);
        if (override.isPresent()) {
            return CriterionResult.of(criterion, PASS, "in blackout " + blackout, threshold,
                    "blackout " + blackout + " " + override.get().because(), override.get().evidenceIds(), nextChange);
        }
        return CriterionResult.of(criterion, PENDING, "in blackout " + blackout, threshold,
                "in blackout " + blackout + " until " + nextChange + BlackoutOverride.hint(criterion.overrideRoles()),
                List.of(), nextChange);
    }
}
