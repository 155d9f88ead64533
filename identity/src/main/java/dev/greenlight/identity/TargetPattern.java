package dev.greenlight.identity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which release targets a hold, a runtime freeze or an org-wide kill switch covers, in one
 * definition shared by the service that accepts it, the gate that applies it and the rollout
 * controller that acts on it — so no two places can disagree about what {@code payments-*} covers.
 *
 * <p>Targets are already canonical where they enter (check-ingest and approval accept only
 * {@code [a-z0-9][a-z0-9._-]{0,127}}), so a pattern is written in the same alphabet plus {@code *}:
 * <ul>
 *   <li>{@code *} alone covers every target;</li>
 *   <li>otherwise 1–128 characters of {@code a-z 0-9 . _ -} and {@code *}, where each {@code *}
 *       stands for any run (possibly empty) of target characters and everything else is literal —
 *       {@code .} is a dot, not "any character"; no other wildcard exists;</li>
 *   <li>the whole target must match (anchored at both ends): {@code payments} covers exactly
 *       {@code payments}, never {@code payments-v2} or {@code payments2}; {@code payments-*}
 *       covers {@code payments-eu} but not {@code payments} or {@code paymentsx}.</li>
 * </ul>
 * Nothing is normalised away: an upper-case letter, a look-alike (Cyrillic {@code а}, fullwidth
 * letters), an invisible character or {@code **} make the pattern invalid ({@link #problem}) rather
 * than silently covering something else, and a target outside the canonical alphabet is covered
 * by no pattern, not even {@code *}: it is not a target.
 *
 * @param text the pattern as written
 */
public record TargetPattern(String text) {

    private static final Pattern TARGET = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");
    private static final Pattern SYNTAX = Pattern.compile("[a-z0-9*][a-z0-9._*-]{0,127}");
    private static final String TARGET_RUN = "[a-z0-9._-]*";

    /** Everything (declared after the rules its constructor checks against). */
    public static final TargetPattern EVERYTHING = new TargetPattern("*");

    public TargetPattern {
        String why = problem(text).orElse(null);
        if (why != null) {
            throw new IllegalArgumentException("target pattern " + why);
        }
    }

    /** Why {@code text} is not a target pattern, or empty when it is. */
    public static Optional<String> problem(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of("is required");
        }
        if (!SYNTAX.matcher(text).matches()) {
            return Optional.of("must be '*' or 1-128 lowercase letters, digits, '.', '_', '-' and '*' "
                    + "(any run of target characters), starting with a letter, digit or '*'");
        }
        if (text.contains("**")) {
            return Optional.of("must not contain '**' (one '*' already stands for any run)");
        }
        return Optional.empty();
    }

    /** Whether {@code text} is a target (no wildcard) rather than a pattern of several. */
    public boolean exact() {
        return text.indexOf('*') < 0;
    }

    /** Whether this pattern covers {@code target}; a string that is not a canonical target is never covered. */
    public boolean covers(String target) {
        if (target == null || !TARGET.matcher(target).matches()) {
            return false;
        }
        if (exact()) {
            return text.equals(target);
        }
        return regex().matcher(target).matches();
    }

    private Pattern regex() {
        StringBuilder regex = new StringBuilder();
        String[] parts = text.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(TARGET_RUN);
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        return text;
    }
}
