package dev.greenlight.policy.model;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;

/**
 * Policy-wide settings that criteria inherit, so a policy states its house rules once.
 *
 * @param warnNeedsHuman when true a WARN result holds the gate (HOLD) for a human to look
 * @param waivableBy roles that may waive a criterion which names no {@code waivableBy} of its own
 * @param zone time zone for calendar rules (blackouts)
 * @param reviewEvery how long a NO-GO or HOLD stands before it is due for review when no window of
 *                    a blocking criterion can change it by time alone (default {@link #DEFAULT_REVIEW_EVERY})
 */
public record Defaults(boolean warnNeedsHuman, Set<String> waivableBy, ZoneId zone, Duration reviewEvery) {

    /** The review interval of a policy that does not set {@code reviewEvery}: a blocked release is looked at daily. */
    public static final Duration DEFAULT_REVIEW_EVERY = Duration.ofHours(24);

    public Defaults {
        waivableBy = Set.copyOf(waivableBy);
        reviewEvery = reviewEvery == null ? DEFAULT_REVIEW_EVERY : reviewEvery;
        if (reviewEvery.isNegative() || reviewEvery.isZero()) {
            throw new IllegalArgumentException("reviewEvery must be positive: " + reviewEvery);
        }
    }

    /** The defaults with the default review interval. */
    public Defaults(boolean warnNeedsHuman, Set<String> waivableBy, ZoneId zone) {
        this(warnNeedsHuman, waivableBy, zone, DEFAULT_REVIEW_EVERY);
    }

    public static Defaults none() {
        return new Defaults(false, Set.of(), ZoneId.of("UTC"));
    }
}
