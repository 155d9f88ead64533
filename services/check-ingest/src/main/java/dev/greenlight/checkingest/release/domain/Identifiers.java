package dev.greenlight.checkingest.release.domain;

import java.util.regex.Pattern;

/** The shapes of identifiers every piece of evidence shares with the release it is about. */
public final class Identifiers {

    /** Targets are Kafka keys, URL path segments and policy match subjects: keep them simple. */
    public static final Pattern TARGET = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");
    public static final String TARGET_RULE =
            "must be 1-128 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit";
    public static final Pattern REVISION = Pattern.compile("[0-9a-f]{7,64}");
    public static final String REVISION_RULE = "must be a git commit id: 7 to 64 lowercase hex digits";

    private Identifiers() {
    }

    /**
     * Whether {@code text} matches {@link #TARGET}, checked character by character: every metric
     * sample of every batch is checked, and a regex matcher per sample was a tenth of the batch
     * path's allocations ({@code IdentifiersTest} compares both).
     */
    public static boolean isTarget(String text) {
        if (text == null || text.isEmpty() || text.length() > 128 || !lowerOrDigit(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!lowerOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code text} is snake case as {@code MetricSample.NAME} defines it
     * ({@code [a-z][a-z0-9]*(_[a-z0-9]+)*}: a letter first, single underscores between runs of
     * letters and digits), checked character by character like {@link #isTarget}.
     */
    public static boolean isSnakeCase(String text) {
        if (text == null || text.isEmpty() || text.charAt(0) < 'a' || text.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                if (i == text.length() - 1 || text.charAt(i + 1) == '_') {
                    return false;
                }
            } else if (!lowerOrDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean lowerOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    public static boolean isRevision(String text) {
        return text != null && REVISION.matcher(text).matches();
    }
}
