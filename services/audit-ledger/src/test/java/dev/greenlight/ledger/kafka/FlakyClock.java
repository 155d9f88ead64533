package dev.greenlight.ledger.kafka;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

/** The system clock, except that it can be told to fail once a few reads from now: a crash inside the writer's loop. */
final class FlakyClock extends Clock {

    private final AtomicInteger failAfter = new AtomicInteger(-1);

    /** The {@code reads}-th read from now throws. */
    void failOnceAfter(int reads) {
        failAfter.set(reads);
    }

    boolean failed() {
        return failAfter.get() < 0;
    }

    @Override
    public Instant instant() {
        if (failAfter.get() >= 0 && failAfter.getAndDecrement() == 0) {
            throw new IllegalStateException("injected crash inside the ledger transaction");
        }
        return Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
