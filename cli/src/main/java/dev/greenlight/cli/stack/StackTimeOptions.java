package dev.greenlight.cli.stack;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import picocli.CommandLine.Option;

/**
 * What time a command stamps evidence and acknowledgements with. Against the local stack that is
 * the stack's clock, read from its control port: an accelerated stack is days ahead of this
 * machine, and a metric or a deployment acknowledgement stamped with the wall clock would land in
 * its past — outside every window, or before the command it answers (negative lead times).
 * Against anything that is not on this machine, and when no local stack answers, it is the wall
 * clock, as it must be in production.
 */
public final class StackTimeOptions {

    @Option(names = "--clock-url", defaultValue = "${env:GREENLIGHT_CONTROL_URL:-http://localhost:8180/clock}",
            description = "The local stack's clock, used to stamp times when the services are on this machine "
                    + "(env GREENLIGHT_CONTROL_URL, default ${DEFAULT-VALUE}).")
    URI clockUrl;

    @Option(names = "--wall-clock", description = "Stamp times with this machine's clock even when a local stack runs.")
    boolean wallClock;

    /** The clock for a command talking to {@code service}. */
    public Clock clockFor(URI service) {
        if (wallClock || clockUrl == null || !onThisMachine(service)) {
            return Clock.systemUTC();
        }
        return new StackOrWallClock(new StackClockControl(clockUrl));
    }

    static boolean onThisMachine(URI service) {
        if (service == null || service.getHost() == null) {
            return false;
        }
        try {
            return InetAddress.getByName(service.getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The stack's time while its control port answers, the wall clock when nothing does. */
    static final class StackOrWallClock extends Clock {

        private final StackClockControl control;

        StackOrWallClock(StackClockControl control) {
            this.control = control;
        }

        @Override
        public Instant instant() {
            try {
                return control.read().now();
            } catch (StackNotRunningException noStack) {
                return Instant.now();
            }
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
}
