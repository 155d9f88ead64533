package dev.greenlight.cli.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A stack's clock in a JVM of its own, for {@link StackClockKillTest}: starts where {@code up} would
 * (the saved time in the data directory, else real time), keeps its time on disk the way a running
 * stack does, jumps two days ahead at the demo rate and prints every instant it hands out, one per
 * line, until it is killed. Each printed line stands for an event stamped with that time.
 */
final class StackClockProcess {

    private StackClockProcess() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        InstantSource real = InstantSource.system();
        Instant resumed = SavedClock.resumeFrom(dataDir, real.instant());
        StackClock clock = new StackClock(real, resumed, StackClock.DAY_PER_TEN_SECONDS);
        System.out.println("start " + clock.instant());
        ClockKeeper.start(dataDir, clock);
        clock.advance(Duration.ofDays(2));
        ScheduledExecutorService stamps = Executors.newSingleThreadScheduledExecutor();
        stamps.scheduleAtFixedRate(() -> {
            System.out.println("stamp " + clock.instant());
            System.out.flush();
        }, 0, 10, TimeUnit.MILLISECONDS);
    }
}
