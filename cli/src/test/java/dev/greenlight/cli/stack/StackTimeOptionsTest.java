package dev.greenlight.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Times stamped by the CLI against the local stack are in the stack's time (an accelerated stack
 * is days ahead of this machine); against anything else, or with no stack running, the wall clock.
 */
class StackTimeOptionsTest {

    private static final Instant STACK_NOW = Instant.now().plus(Duration.ofDays(3));

    private final StackClock clock = new StackClock(InstantSource.system(), STACK_NOW, 1);
    private final ClockControlServer server = ClockControlServer.start(0, clock);

    @AfterEach
    void stop() {
        server.close();
    }

    private StackTimeOptions options(URI clockUrl) {
        StackTimeOptions options = new StackTimeOptions();
        options.clockUrl = clockUrl;
        return options;
    }

    private URI control() {
        return URI.create("http://localhost:" + server.port() + ClockControlServer.PATH);
    }

    @Test
    void servicesOnThisMachineAreStampedInTheStacksTime() {
        Instant stamped = options(control()).clockFor(URI.create("http://localhost:8181")).instant();

        assertThat(stamped).isBetween(STACK_NOW, STACK_NOW.plus(Duration.ofMinutes(5)));
        assertThat(options(control()).clockFor(URI.create("kafka://127.0.0.1:9092")).instant())
                .isAfterOrEqualTo(STACK_NOW);
    }

    @Test
    void remoteServicesAreStampedWithTheWallClockEvenWhileALocalStackRuns() {
        Instant stamped = options(control()).clockFor(URI.create("https://greenlight.example.com")).instant();

        assertThat(stamped).isBefore(STACK_NOW.minus(Duration.ofDays(2)));
    }

    @Test
    void withNoStackAnsweringTheWallClockIsUsed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Instant stamped = options(URI.create("http://localhost:" + closedPort + "/clock"))
                .clockFor(URI.create("http://localhost:8181")).instant();

        assertThat(stamped).isBefore(STACK_NOW.minus(Duration.ofDays(2)));
    }

    @Test
    void wallClockCanBeChosenExplicitly() {
        StackTimeOptions options = options(control());
        options.wallClock = true;

        assertThat(options.clockFor(URI.create("http://localhost:8181")).instant())
                .isBefore(STACK_NOW.minus(Duration.ofDays(2)));
    }
}
