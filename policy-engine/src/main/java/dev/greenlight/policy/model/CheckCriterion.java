package dev.greenlight.policy.model;

import java.time.Duration;
import java.util.List;

/**
 * A named automated check must have passed for the release's revision.
 *
 * @param check check name as reported (e.g. security-scan, validation-48h, lane:cli)
 * @param maxAge the latest PASS must be younger than this; null for no freshness rule
 * @param consecutive the latest N qualifying runs must all be PASS (1 = just the latest)
 * @param minRunWindow runs shorter than this (completedAt - startedAt) do not qualify; null for any
 * @param noFailWithin no FAIL/ERROR run may have completed within this; null for no rule
 * @param minCount at least this many PASS runs; 0 for no rule
 * @param details conditions on the latest run's structured details (all must hold); empty for none
 */
public record CheckCriterion(CriterionCommon common, String check, Duration maxAge, int consecutive,
                             Duration minRunWindow, Duration noFailWithin, int minCount,
                             List<DetailCondition> details) implements Criterion {

    public CheckCriterion {
        details = details == null ? List.of() : List.copyOf(details);
    }

    /** A check criterion without detail conditions. */
    public CheckCriterion(CriterionCommon common, String check, Duration maxAge, int consecutive,
                          Duration minRunWindow, Duration noFailWithin, int minCount) {
        this(common, check, maxAge, consecutive, minRunWindow, noFailWithin, minCount, List.of());
    }

    @Override
    public String kind() {
        return "check";
    }
}
