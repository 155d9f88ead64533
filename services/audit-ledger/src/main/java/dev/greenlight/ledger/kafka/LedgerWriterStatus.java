package dev.greenlight.ledger.kafka;

import java.time.Duration;
import java.util.Optional;
import dev.greenlight.platform.registry.RegistryOutage;
import java.util.function.LongSupplier;

/**
 * What the ledger writer tells the outside about its progress: since when the schema registry has
 * been unavailable (the writer then waits and retries the record, it never skips it) and when it last
 * made progress (committed a transaction, or found nothing to read). Kept apart from the writer so the
 * health indicator reads plain values and the writer thread never waits for a health check.
 *
 * <p>The registry outage clock is the platform's {@link RegistryOutage}, the one the listeners'
 * {@code schemaRegistry} health uses too; the writer ends an outage itself when a record decodes.
 *
 * <p>Time is measured with a monotonic clock ({@code System.nanoTime} unless given): these are
 * durations for operators, not ledger facts, and must not jump with the wall clock.
 */
final class LedgerWriterStatus {

    private final LongSupplier nanos;
    private final RegistryOutage outage;
    private volatile long lastProgress;
    private volatile String lastProblem = "";

    LedgerWriterStatus() {
        this(System::nanoTime);
    }

    LedgerWriterStatus(LongSupplier nanos) {
        this.nanos = nanos;
        this.outage = new RegistryOutage(nanos, Duration.ZERO);
        this.lastProgress = nanos.getAsLong();
    }

    /** Decoding waits for the registry; the first call of an outage starts its clock. */
    void registryUnavailable(String problem) {
        outage.unavailable(problem);
        lastProblem = problem;
    }

    /** A record decoded (or the registry answered): any outage is over. */
    void registryAvailable() {
        outage.available();
    }

    /** The writer committed a transaction, or polled and found nothing left to read. */
    void progressed() {
        lastProgress = nanos.getAsLong();
    }

    /** A failure that made the writer start over (restore, transaction), for the health details. */
    void failed(String problem) {
        lastProblem = problem;
    }

    /** How long the registry has been unavailable to the writer, if it is now. */
    Optional<Duration> registryUnavailableFor() {
        return outage.unavailableFor();
    }

    /** Time since the writer last made progress. */
    Duration sinceProgress() {
        return Duration.ofNanos(nanos.getAsLong() - lastProgress);
    }

    String lastProblem() {
        return lastProblem;
    }
}
