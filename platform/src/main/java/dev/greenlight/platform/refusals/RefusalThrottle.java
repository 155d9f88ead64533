package dev.greenlight.platform.refusals;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Caps how many refused attempts of one caller are recorded per minute. Refusals are written to the
 * event log so the ledger shows attempts, not only successes; without a cap, any token holder could
 * flood the ledger by asking again and again for what they may not do. Beyond the cap the caller
 * still gets its 403, but the refusal is not written; the suppressed ones are counted on
 * {@value #SUPPRESSED} so operators see the flood. One home for every service that records refusals.
 *
 * <p>Fixed one-minute windows per caller, by the injected clock (so simulated time in tests and the
 * local stack behaves like real time). Callers of past windows are forgotten as they come up again.
 */
public final class RefusalThrottle {

    /** Counter of refusals answered but not recorded because their caller exceeded the cap. */
    public static final String SUPPRESSED = "greenlight.refusals.suppressed";
    /** Past this many tracked callers, windows that ended are dropped. */
    private static final int PRUNE_ABOVE = 10_000;

    private final Clock clock;
    private final int perMinute;
    private final Counter suppressed;
    private final Map<String, Window> windows = new HashMap<>();

    /**
     * @param perMinute refusals of one caller recorded per minute; 0 records none
     */
    public RefusalThrottle(Clock clock, int perMinute, MeterRegistry meters) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("refusals per caller per minute must be 0 or more, not " + perMinute);
        }
        this.clock = clock;
        this.perMinute = perMinute;
        this.suppressed = Counter.builder(SUPPRESSED)
                .description("Refused attempts answered with 403 but not recorded: their caller exceeded the cap")
                .register(meters);
    }

    /** Whether a refusal of {@code caller} should be recorded now; false means answer it, do not write it. */
    public synchronized boolean admit(String caller) {
        long minute = Math.floorDiv(clock.millis(), 60_000L);
        if (windows.size() > PRUNE_ABOVE) {
            windows.values().removeIf(w -> w.minute != minute);
        }
        Window window = windows.compute(caller, (k, w) -> w == null || w.minute != minute ? new Window(minute) : w);
        if (window.count < perMinute) {
            window.count++;
            return true;
        }
        suppressed.increment();
        return false;
    }

    private static final class Window {
        private final long minute;
        private int count;

        Window(long minute) {
            this.minute = minute;
        }
    }
}
