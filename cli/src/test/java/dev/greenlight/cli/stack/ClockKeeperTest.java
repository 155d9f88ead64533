package dev.greenlight.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stack killed without an orderly stop must restart at or after every instant it stamped. */
class ClockKeeperTest {

    private static final Instant REAL = Instant.parse("2026-11-22T10:00:00Z");

    private final AtomicReference<Instant> real = new AtomicReference<>(REAL);
    private final InstantSource realSource = real::get;

    @TempDir
    Path dataDir;

    @Test
    void afterAKillTheSavedTimeIsAtOrAfterEverythingStampedSinceTheLastSave() {
        StackClock clock = new StackClock(realSource, null, StackClock.DAY_PER_TEN_SECONDS);
        ClockKeeper keeper = ClockKeeper.start(dataDir, clock);
        keeper.saveBound(); // what the timer does every period

        // Stamps keep being made until the next two saves are due; then the process dies (no close).
        real.set(REAL.plus(ClockKeeper.PERIOD.multipliedBy(2)));
        Instant lastStamp = clock.instant();

        assertThat(SavedClock.read(dataDir)).hasValueSatisfying(saved -> assertThat(saved).isAfterOrEqualTo(lastStamp));
        assertThat(lastStamp).as("the stack was days ahead of this machine").isAfter(REAL.plus(Duration.ofHours(4)));
        keeper.close();
    }

    @Test
    void aJumpIsSavedAtOnceNotAtTheNextPeriod() {
        StackClock clock = new StackClock(realSource, null, 1);
        try (ClockKeeper keeper = ClockKeeper.start(dataDir, clock)) {
            Instant jumped = clock.advance(Duration.ofDays(3));

            assertThat(SavedClock.read(dataDir)).hasValueSatisfying(saved -> assertThat(saved).isAfterOrEqualTo(jumped));
        }
    }

    @Test
    void anOrderlyStopSavesTheExactTime() {
        StackClock clock = new StackClock(realSource, REAL.plus(Duration.ofDays(2)), 1);
        ClockKeeper keeper = ClockKeeper.start(dataDir, clock);

        keeper.close();

        assertThat(SavedClock.read(dataDir)).contains(REAL.plus(Duration.ofDays(2)));
    }

    @Test
    void theBoundCoversTwoPeriodsAtTheClocksRate() {
        assertThat(ClockKeeper.bound(REAL, 1)).isEqualTo(REAL.plus(ClockKeeper.PERIOD.multipliedBy(2)));
        assertThat(ClockKeeper.bound(REAL, 8640)).isEqualTo(REAL.plus(ClockKeeper.PERIOD.multipliedBy(2 * 8640)));
    }
}
