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

    public static boolean isTarget(String text) {
        return text != null && TARGET.matcher(text).matches();
    }

    public static boolean isRevision(String text) {
        return text != null && REVISION.matcher(text).matches();
    }
}
