package dev.greenlight.cli.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The stack's time as the benchmark stamps evidence with it, without a call to the stack's clock
 * for every one of thousands of requests a second: the stack clock ({@code StackTimeOptions}, the
 * same one {@code metric push} and {@code check report} use) is read at most once a second and
 * carried forward with this machine's monotonic time in between. A stack running faster than real
 * time is then at most a second of its time ahead of the stamps — in their past, never their
 * future, which ingest would refuse.
 */
final class StackTime extends Clock {

    private static final long REFRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final Supplier<Instant> stack;
    private Instant read;
    private long readAt;

    /** @param stack the stack's now, e.g. {@code StackTimeOptions.clockFor(url)::instant} */
    StackTime(Supplier<Instant> stack) {
        this.stack = stack;
    }

    @Override
    public synchronized Instant instant() {
        long now = System.nanoTime();
        if (read == null || now - readAt >= REFRESH_NANOS) {
            read = stack.get();
            readAt = System.nanoTime();
            return read;
        }
        return read.plusNanos(now - readAt);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("stamps are UTC");
    }
}
