package dev.greenlight.registry.domain;

import java.util.Locale;

/**
 * Confluent's compatibility levels. BACKWARD means consumers on the new schema can read data
 * written with the old one (reader = new, writer = old); FORWARD the reverse; FULL both.
 * Transitive levels check against every live version, the others against the latest only.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    /** Confluent's default when neither a global nor a subject level was ever set. */
    public static final CompatibilityLevel DEFAULT = BACKWARD;

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    /** Parses a level name case-insensitively, as Confluent does. */
    public static CompatibilityLevel parse(String name) {
        if (name == null) {
            throw new InvalidCompatibilityLevelException("null");
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidCompatibilityLevelException(name);
        }
    }

    boolean newReadsOld() {
        return newReadsOld;
    }

    boolean oldReadsNew() {
        return oldReadsNew;
    }

    boolean transitive() {
        return transitive;
    }
}
