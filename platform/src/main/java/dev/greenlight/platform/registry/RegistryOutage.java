package dev.greenlight.platform.registry;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Since when the schema registry has been unavailable to a service's consumers: the one clock behind
 * every "registry down for longer than X" health check (the listeners' {@code schemaRegistry} health,
 * the audit ledger's writer health). A consumer that meets a silent registry waits and retries the
 * record — it never dead-letters or skips a record it could decode — and reports it here.
 *
 * <p>An outage ends when a reader says so ({@link #available()}) or, for readers that only report
 * failures, when none was reported for {@code quietEnds} (they retry every interval while it lasts,
 * so silence means they got through). Time is monotonic ({@code System.nanoTime} unless given):
 * these are durations for operators, not facts.
 */
public final class RegistryOutage {

    private static final long NONE = Long.MIN_VALUE;

    private final LongSupplier nanos;
    private final Duration quietEnds;
    private volatile long since = NONE;
    private volatile long lastSeen = NONE;
    private volatile String lastProblem = "";

    /** An outage that ends only when {@link #available()} is called. */
    public RegistryOutage() {
        this(System::nanoTime, Duration.ZERO);
    }

    /**
     * @param nanos     monotonic time
     * @param quietEnds an outage with no failure reported for this long is over; zero: only {@link #available()} ends it
     */
    public RegistryOutage(LongSupplier nanos, Duration quietEnds) {
        this.nanos = nanos;
        this.quietEnds = quietEnds;
    }

    /** A read waited for the registry; the first report of an outage starts its clock. */
    public void unavailable(String problem) {
        long now = nanos.getAsLong();
        if (since == NONE || quietFor(now)) {
            since = now;
        }
        lastSeen = now;
        lastProblem = problem;
    }

    /** The registry answered: any outage is over. */
    public void available() {
        since = NONE;
    }

    /** How long the registry has been unavailable, if it is now. */
    public Optional<Duration> unavailableFor() {
        long start = since;
        long now = nanos.getAsLong();
        if (start == NONE || quietFor(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(now - start));
    }

    /** The last problem reported, for health details. */
    public String lastProblem() {
        return lastProblem;
    }

    private boolean quietFor(long now) {
        return !quietEnds.isZero() && lastSeen != NONE && now - lastSeen > quietEnds.toNanos();
    }
}
