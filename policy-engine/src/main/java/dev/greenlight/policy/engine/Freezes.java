package dev.greenlight.policy.engine;

import dev.greenlight.policy.evidence.Freeze;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Runtime freeze windows as decision criteria: every freeze declared over the release's target adds
 * a blocking result of kind {@value #KIND}, named after the freeze — PENDING while
 * {@code from <= at < to} (so the stage is HOLD and {@code missing} names {@code freeze:<name>}),
 * PASS before and after. The override rule is the policy blackout's ({@link BlackoutOverride}): an
 * approval in an override role lifts it, override release types are not frozen. nextChangeAt is
 * {@code from} before the window and {@code to} inside it, so the gate wakes up exactly at both
 * edges. Pure: the window is compared with the evaluation instant only. Freezes follow the holds in
 * name order (then id).
 */
final class Freezes {

    static final String KIND = "freeze";

    private Freezes() {
    }

    static List<CriterionResult> results(EvaluationContext context) {
        return context.evidence().freezes().stream()
                .sorted(Comparator.comparing(Freeze::name).thenComparing(Freeze::id))
                .map(freeze -> result(freeze, context))
                .toList();
    }

    private static CriterionResult result(Freeze freeze, EvaluationContext context) {
        Instant at = context.at();
        String window = "[" + freeze.from() + ", " + freeze.to() + ")";
        String threshold = "outside freeze " + window;
        String described = "freeze '" + freeze.name() + "' on " + freeze.scope() + " " + window + " declared by "
                + freeze.declaredBy() + ": " + freeze.reason();
        if (at.isBefore(freeze.from())) {
            return new CriterionResult(freeze.name(), KIND, CriterionStatus.PASS, true, "before the freeze",
                    threshold, described + " (not started)", List.of(freeze.id()), freeze.from());
        }
        if (!freeze.covers(at)) {
            return new CriterionResult(freeze.name(), KIND, CriterionStatus.PASS, true, "after the freeze",
                    threshold, described + " (ended)", List.of(freeze.id()), null);
        }
        Optional<BlackoutOverride> override = BlackoutOverride.find(freeze.overrideRoles(), freeze.overrideTypes(),
                context);
        if (override.isPresent()) {
            List<String> ids = new ArrayList<>(List.of(freeze.id()));
            ids.addAll(override.get().evidenceIds());
            return new CriterionResult(freeze.name(), KIND, CriterionStatus.PASS, true, "in the freeze", threshold,
                    described + "; " + override.get().because(), List.copyOf(ids), freeze.to());
        }
        return new CriterionResult(freeze.name(), KIND, CriterionStatus.PENDING, true, "in the freeze", threshold,
                described + "; until " + freeze.to() + BlackoutOverride.hint(freeze.overrideRoles()),
                List.of(freeze.id()), freeze.to());
    }
}
