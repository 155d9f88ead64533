package dev.greenlight.console.board.domain;

import dev.greenlight.identity.TargetPattern;
import java.util.Locale;

/**
 * The board's filters: governing policy, last outcome, a target pattern ({@code payments-*}) and a
 * free-text search over target, version, stage and who must act. Blank means "any".
 */
public record BoardFilter(String policy, String outcome, String target, String search) {

    /** No filter: every release in flight. */
    public static final BoardFilter NONE = new BoardFilter(null, null, null, null);

    boolean matches(BoardRow row) {
        if (!blank(policy) && !policy.equals(row.policy())) {
            return false;
        }
        if (!blank(outcome) && !outcome.equals(row.outcome())) {
            return false;
        }
        if (!blank(target) && !covers(target.trim(), row.target())) {
            return false;
        }
        if (!blank(search)) {
            String needle = search.trim().toLowerCase(Locale.ROOT);
            String haystack = String.join(" ", row.target(), row.version(), String.valueOf(row.stage()),
                    String.valueOf(row.nextActor()), String.join(" ", row.holds())).toLowerCase(Locale.ROOT);
            return haystack.contains(needle);
        }
        return true;
    }

    private static boolean covers(String pattern, String target) {
        if (TargetPattern.problem(pattern).isPresent()) {
            return target.contains(pattern);
        }
        return new TargetPattern(pattern).covers(target);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
