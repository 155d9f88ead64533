package dev.greenlight.cli.stack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one clock every service of the local stack reads, so that a demo or an end-to-end test can
 * make days pass in seconds and all five services agree on what time it is.
 *
 * <p>Simulated time runs at {@code rate} simulated seconds per real second from an anchor; a
 * change of rate or a jump re-anchors at the current simulated instant, so time never runs
 * backwards through either. At rate 1 with no jump it is the system clock. This is stack
 * configuration, never production: services in {@code docker-compose.yml} use the system clock.
 */
public final class StackClock extends Clock {

    /** Simulated seconds per real second that make one simulated day pass in ten real seconds. */
    public static final double DAY_PER_TEN_SECONDS = 86_400d / 10;

    private final InstantSource real;
    private volatile Anchor anchor;
    private volatile Runnable onChange = () -> { };

    private record Anchor(Instant real, Instant simulated, double rate) {
        Instant at(Instant realNow) {
            long realNanos = Duration.between(real, realNow).toNanos();
            return simulated.plusNanos(Math.round(realNanos * rate));
        }
    }

    /** The system clock, until someone accelerates or advances it. */
    public static StackClock system() {
        return new StackClock(InstantSource.system(), null, 1);
    }

    /**
     * @param real  the real time source the simulated time is derived from
     * @param start the simulated instant "now" corresponds to, or null for the real now
     * @param rate  simulated seconds per real second, at least 1
     */
    public StackClock(InstantSource real, Instant start, double rate) {
        requireRate(rate);
        this.real = real;
        Instant now = real.instant();
        this.anchor = new Anchor(now, start == null ? now : start, rate);
    }

    @Override
    public Instant instant() {
        return anchor.at(real.instant());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the stack clock is UTC; derive zoned views with Clock.offset");
    }

    /** The real time simulated time is derived from: what the launcher compares it with. */
    public Instant realInstant() {
        return real.instant();
    }

    /** Simulated seconds per real second. */
    public double rate() {
        return anchor.rate();
    }

    /** From now on, time passes {@code rate} times as fast as real time. */
    public synchronized void accelerate(double rate) {
        requireRate(rate);
        Instant realNow = real.instant();
        anchor = new Anchor(realNow, anchor.at(realNow), rate);
        onChange.run();
    }

    /** Runs {@code listener} after every change of rate and every jump (the stack saves its time then). */
    public void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /**
     * Jumps forward: what would happen in {@code by} of simulated time is due at once (soak times
     * end, validations age, wake-ups fire at the services' next punctuation).
     */
    public synchronized Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the stack clock only moves forward, not by " + by);
        }
        Instant realNow = real.instant();
        Instant simulated = anchor.at(realNow).plus(by);
        anchor = new Anchor(realNow, simulated, anchor.rate());
        onChange.run();
        return simulated;
    }

    private static void requireRate(double rate) {
        // Below 1 (or NaN) simulated time would lag the real timestamps evidence carries.
        if (!(rate >= 1) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("clock rate must be a finite number >= 1, got " + rate);
        }
    }
}
