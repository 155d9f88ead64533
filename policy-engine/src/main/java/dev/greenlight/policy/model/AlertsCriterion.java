package dev.greenlight.policy.model;

import java.time.Duration;

/**
 * Bounds the alerts of one severity. An alert still active at evaluation time fails the
 * criterion (unless {@code allResolved} is false); alerts that fired within the window are
 * counted against {@code max}.
 *
 * @param window look-back window; null means only active alerts matter
 * @param max alerts tolerated within the window; null means none (0)
 * @param allResolved whether an active alert fails the criterion (default true)
 */
public record AlertsCriterion(CriterionCommon common, Severity severity, Duration window, Integer max,
                              boolean allResolved) implements Criterion {

    @Override
    public String kind() {
        return "alerts";
    }
}
