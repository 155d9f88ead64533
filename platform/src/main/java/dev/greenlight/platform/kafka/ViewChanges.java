package dev.greenlight.platform.kafka;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The monitor a read model notifies whenever a record changed it, and the one way to wait on it:
 * a request that just wrote (or that saw a decision citing a policy) waits until the view answers,
 * instead of answering from a view that lags behind. The release and policy directories share it,
 * so the wait loop exists once.
 */
public final class ViewChanges {

    private final Object monitor = new Object();

    /** Applies a change under the monitor and wakes every waiter. */
    public void change(Runnable apply) {
        synchronized (monitor) {
            apply.run();
            monitor.notifyAll();
        }
    }

    /**
     * Asks {@code probe} until it answers or {@code timeout} passed; the probe runs under the
     * monitor, so it sees every change applied before it was woken.
     */
    public <T> Optional<T> await(Supplier<Optional<T>> probe, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            Optional<T> found = probe.get();
            long remaining = deadline - System.nanoTime();
            while (found.isEmpty() && remaining > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return found;
                }
                found = probe.get();
                remaining = deadline - System.nanoTime();
            }
            return found;
        }
    }
}
