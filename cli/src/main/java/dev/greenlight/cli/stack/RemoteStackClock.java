package dev.greenlight.cli.stack;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The running stack's simulated time as a {@link Clock}, read from its control port on every
 * call: the demo's built-in deployer stamps its acknowledgements in the stack's time, as the
 * stack's services stamp the commands they answer, so release lead times stay positive and true.
 * Acknowledgements are rare, so one HTTP round trip per instant costs nothing.
 */
public final class RemoteStackClock extends Clock {

    private final StackClockControl control;

    public RemoteStackClock(StackClockControl control) {
        this.control = control;
    }

    @Override
    public Instant instant() {
        return control.read().now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the stack clock is UTC");
    }
}
