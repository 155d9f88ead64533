package dev.greenlight.policy.model;

import java.util.Set;

/**
 * The attributes every criterion kind shares, kept in one value so the kind records stay about
 * their own rule.
 *
 * @param name stable name: waivers, reports and replays refer to it
 * @param blocking false for advisory criteria that inform but never stop a release
 * @param waivableBy roles allowed to waive it; empty falls back to the policy defaults
 * @param appliesTo release types the criterion is evaluated for; empty means all
 */
public record CriterionCommon(String name, boolean blocking, Set<String> waivableBy, Set<ReleaseType> appliesTo) {

    public CriterionCommon {
        waivableBy = Set.copyOf(waivableBy);
        appliesTo = Set.copyOf(appliesTo);
    }

    public static CriterionCommon named(String name) {
        return new CriterionCommon(name, true, Set.of(), Set.of());
    }
}
