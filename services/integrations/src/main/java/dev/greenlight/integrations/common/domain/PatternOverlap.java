package dev.greenlight.integrations.common.domain;

import dev.greenlight.identity.TargetPattern;

/**
 * Whether a subscription's target pattern concerns an event's target, which is itself a pattern for
 * holds and org-wide kill switches ({@code payments-*}, {@code *}). Two patterns concern each other when
 * some target matches both: a subscription to {@code payments-eu} hears about a hold on
 * {@code payments-*}, and one to {@code payments-*} about a hold on {@code *}. For an exact target this
 * is {@link TargetPattern#covers}. The one definition of "covers" stays {@link TargetPattern}'s.
 */
public final class PatternOverlap {

    private PatternOverlap() {
    }

    /** Whether some target matches both {@code subscription} and {@code event}. */
    public static boolean overlaps(TargetPattern subscription, String event) {
        if (TargetPattern.problem(event).isPresent()) {
            return false;
        }
        TargetPattern other = new TargetPattern(event);
        if (other.exact()) {
            return subscription.covers(event);
        }
        return overlap(subscription.text(), 0, other.text(), 0);
    }

    private static boolean overlap(String a, int i, String b, int j) {
        if (i == a.length() && j == b.length()) {
            return true;
        }
        if (i < a.length() && a.charAt(i) == '*') {
            // the star matches nothing more, or swallows one more character of b (a star there included)
            return overlap(a, i + 1, b, j) || (j < b.length() && overlap(a, i, b, j + 1));
        }
        if (j < b.length() && b.charAt(j) == '*') {
            return overlap(a, i, b, j + 1) || (i < a.length() && overlap(a, i + 1, b, j));
        }
        return i < a.length() && j < b.length() && a.charAt(i) == b.charAt(j) && overlap(a, i + 1, b, j + 1);
    }
}
