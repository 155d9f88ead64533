package dev.greenlight.policy.engine;

import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.evidence.MetricIndex;
import dev.greenlight.policy.evidence.Release;
import dev.greenlight.policy.model.Policy;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What every criterion evaluator needs, plus the two time rules every kind shares so window edges
 * mean the same everywhere:
 * <ul>
 *   <li>{@link #known}: evidence stamped after the evaluation instant does not exist yet
 *       (replays of old instants see exactly what was known then);</li>
 *   <li>{@link #within}: an instant is within window W of evaluation time T iff
 *       {@code T - W < t <= T} — an event exactly W old has left the window.</li>
 * </ul>
 *
 * @param series where metric criteria read samples in the incremental evaluation; null: they read
 *               {@code evidence.metrics()} (the raw evaluation)
 */
record EvaluationContext(Policy policy, Evidence evidence, Instant at, MetricIndex series) {

    EvaluationContext(Policy policy, Evidence evidence, Instant at) {
        this(policy, evidence, at, null);
    }

    Release release() {
        return evidence.release();
    }

    boolean known(Instant time) {
        return !time.isAfter(at);
    }

    boolean within(Instant time, Duration window) {
        return known(time) && time.isAfter(at.minus(window));
    }

    /** The earliest of the candidates strictly after evaluation time, or null. */
    Instant earliestFuture(Stream<Instant> candidates) {
        return candidates.filter(Objects::nonNull).filter(t -> t.isAfter(at)).min(Instant::compareTo).orElse(null);
    }
}
