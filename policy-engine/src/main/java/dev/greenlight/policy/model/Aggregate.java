package dev.greenlight.policy.model;

import java.util.Locale;

/** How metric samples in a window are reduced to the one number compared to the threshold. */
public enum Aggregate {
    LATEST, AVG, MAX, MIN, SUM, COUNT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
