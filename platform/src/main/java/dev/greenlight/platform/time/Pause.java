package dev.greenlight.platform.time;

import java.time.Duration;

/**
 * How code that waits between two attempts (a retried delivery, a start-up announcement, a CLI
 * poll) passes time. Production blocks the calling thread; tests substitute one that records the
 * pauses asked for or moves a fake monotonic clock, so retry schedules are tested without waiting.
 * One home for the idea: every service and the CLI take this type rather than their own.
 */
@FunctionalInterface
public interface Pause {

    void pause(Duration duration) throws InterruptedException;

    /** The real one: blocks the calling thread for {@code duration}. */
    static Pause blocking() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
