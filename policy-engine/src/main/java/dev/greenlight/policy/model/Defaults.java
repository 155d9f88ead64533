package dev.greenlight.policy.model;

import java.time.ZoneId;
import java.util.Set;

/**
 * Policy-wide settings that criteria inherit, so a policy states its house rules once.
 *
 * @param warnNeedsHuman when true a WARN result holds the gate (HOLD) for a human to look
 * @param waivableBy roles that may waive a criterion which names no {@code waivableBy} of its own
 * @param zone time zone for calendar rules (blackouts)
 */
public record Defaults(boolean warnNeedsHuman, Set<String> waivableBy, ZoneId zone) {

    public Defaults {
        waivableBy = Set.copyOf(waivableBy);
    }

    public static Defaults none() {
        return new Defaults(false, Set.of(), ZoneId.of("UTC"));
    }
}
