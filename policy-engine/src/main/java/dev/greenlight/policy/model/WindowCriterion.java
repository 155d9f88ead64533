package dev.greenlight.policy.model;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Release freezes: outside every blackout the criterion passes; inside one it holds unless the
 * release type or an approval in an override role lifts it.
 *
 * @param zone time zone the blackout calendar is read in
 * @param overrideRoles an approval in one of these roles lifts the blackout
 * @param overrideTypes releases of these types (e.g. HOTFIX) are not frozen
 */
public record WindowCriterion(CriterionCommon common, ZoneId zone, List<Blackout> blackouts,
                              Set<String> overrideRoles, Set<ReleaseType> overrideTypes) implements Criterion {

    public WindowCriterion {
        blackouts = List.copyOf(blackouts);
        overrideRoles = Set.copyOf(overrideRoles);
        overrideTypes = Set.copyOf(overrideTypes);
    }

    @Override
    public String kind() {
        return "window";
    }
}
