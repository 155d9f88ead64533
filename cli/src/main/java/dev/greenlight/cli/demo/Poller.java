package dev.greenlight.cli.demo;

import dev.greenlight.platform.time.Pause;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Waits for something the stack does asynchronously (a gate decision, a deployment command, a
 * ledger entry): the services react to events, so every effect of a demo step is observed by
 * polling its public read API until it shows, or the step times out by name.
 */
final class Poller {

    static final Duration INTERVAL = Duration.ofMillis(250);

    private final Duration timeout;
    private final LongSupplier nanoTime;
    private final Pause pause;

    Poller(Duration timeout, LongSupplier nanoTime, Pause pause) {
        this.timeout = timeout;
        this.nanoTime = nanoTime;
        this.pause = pause;
    }

    static Poller realTime(Duration timeout) {
        return new Poller(timeout, System::nanoTime, Pause.blocking());
    }

    /** The same waiting, allowed {@code extra} more time: for a step that is slow on purpose. */
    Poller extendedBy(Duration extra) {
        return new Poller(timeout.plus(extra), nanoTime, pause);
    }

    /**
     * Polls {@code probe} until it answers non-null and returns that answer.
     *
     * @throws StepFailedException naming {@code step} when the timeout passes first
     */
    <T> T await(String step, Supplier<T> probe) {
        // Deadlines on the monotonic clock: the stack's simulated time is the one thing the demo moves.
        long deadline = nanoTime.getAsLong() + timeout.toNanos();
        while (true) {
            T answer = probe.get();
            if (answer != null) {
                return answer;
            }
            if (nanoTime.getAsLong() - deadline >= 0) {
                throw new StepFailedException(step, "did not happen within " + timeout.toSeconds() + " s");
            }
            try {
                pause.pause(INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StepFailedException(step, "was interrupted");
            }
        }
    }
}
