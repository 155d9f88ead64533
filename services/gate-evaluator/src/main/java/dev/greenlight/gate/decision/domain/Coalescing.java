package dev.greenlight.gate.decision.domain;

/**
 * When a metric sample re-evaluates the releases it concerns. A monitor may push thousands of
 * samples a second for one target, and re-evaluating on every one of them is what let one noisy
 * target stall a partition: a sample therefore only marks its releases due at the next tick
 * (a wake-up at "now"), and they are evaluated once for the whole burst — or at the latest after
 * {@code maxPendingSamples} samples, so a burst that outlasts a tick still yields decisions as it
 * goes. Checks, approvals, alerts and registrations are never deferred.
 *
 * <p>No recorded decision changes meaning: a decision is computed from the evidence known at its
 * {@code evaluatedAt}, whenever that is, and replays from the events it cites at that instant.
 *
 * @param maxPendingSamples samples of one release that may wait for the tick; 1 evaluates every sample
 */
public record Coalescing(int maxPendingSamples) {

    /** Every sample evaluates at once (the behaviour before coalescing; tests compare with it). */
    public static final Coalescing NONE = new Coalescing(1);

    /** The default bound on the samples one release may hold back. */
    public static final int DEFAULT_MAX_PENDING_SAMPLES = 1_000;

    public Coalescing {
        if (maxPendingSamples < 1) {
            throw new IllegalArgumentException("maxPendingSamples must be at least 1: " + maxPendingSamples);
        }
    }

    boolean defers() {
        return maxPendingSamples > 1;
    }
}
