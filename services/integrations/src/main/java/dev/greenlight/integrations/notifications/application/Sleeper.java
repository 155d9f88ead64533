package dev.greenlight.integrations.notifications.application;

import java.time.Duration;

/** Waits between attempts; tests pass one that records the waits instead of sleeping. */
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** The real one. */
    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
