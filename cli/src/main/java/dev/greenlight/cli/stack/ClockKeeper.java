package dev.greenlight.cli.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the stack's simulated time on disk while the stack runs, so a stack killed with
 * {@code kill -9} (no orderly stop, no final save) never restarts in its own past: the topics hold
 * events stamped up to the moment it died, and a restart before that moment would see them in the
 * future.
 *
 * <p>What is saved is a bound, not the current instant: the simulated time the clock will have
 * reached by the save after next ({@code now + rate × 2 periods}). Everything stamped before a
 * crash is at or before the last bound written, so a restart from it is at or after every stamp —
 * a small jump forward, which a stack clock may always make. The bound is rewritten every period
 * and at once after every change of rate and every jump. An orderly stop saves the exact time.
 */
final class ClockKeeper implements AutoCloseable {

    static final Duration PERIOD = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(ClockKeeper.class);

    private final Path dataDir;
    private final StackClock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stack-clock-keeper");
        thread.setDaemon(true);
        return thread;
    });

    private ClockKeeper(Path dataDir, StackClock clock) {
        this.dataDir = dataDir;
        this.clock = clock;
    }

    /** Saves the bound now, after every change of {@code clock}, and every {@link #PERIOD}. */
    static ClockKeeper start(Path dataDir, StackClock clock) {
        ClockKeeper keeper = new ClockKeeper(dataDir, clock);
        keeper.saveBound();
        clock.onChange(keeper::saveBound);
        keeper.timer.scheduleWithFixedDelay(keeper::saveBound, PERIOD.toMillis(), PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
        return keeper;
    }

    /** The instant saved while running: no stamp made before the next two saves can be later. */
    static Instant bound(Instant simulated, double rate) {
        return simulated.plusNanos(Math.round(PERIOD.multipliedBy(2).toNanos() * rate));
    }

    synchronized void saveBound() {
        try {
            SavedClock.save(dataDir, bound(clock.instant(), clock.rate()), clock.realInstant());
        } catch (RuntimeException e) {
            LOG.warn("Could not save the stack clock; a crash now would restart the stack at real time", e);
        }
    }

    /** Stops saving bounds and saves the exact simulated time, as an orderly stop does. */
    @Override
    public synchronized void close() {
        clock.onChange(() -> { });
        timer.shutdownNow();
        SavedClock.save(dataDir, clock.instant(), clock.realInstant());
    }
}
