package dev.greenlight.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StackClockTest {

    private static final Instant REAL_START = Instant.parse("2026-11-22T10:00:00Z");
    private final AtomicReference<Instant> real = new AtomicReference<>(REAL_START);
    private final InstantSource realSource = real::get;

    private void realTimePasses(Duration by) {
        real.updateAndGet(now -> now.plus(by));
    }

    @Test
    void atRateOneWithoutStartItIsTheRealClock() {
        StackClock clock = new StackClock(realSource, null, 1);

        realTimePasses(Duration.ofMinutes(5));

        assertThat(clock.instant()).isEqualTo(REAL_START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void oneSimulatedDayPassesInTenRealSecondsAtTheDemoRate() {
        Instant start = Instant.parse("2026-12-01T09:00:00Z");
        StackClock clock = new StackClock(realSource, start, StackClock.DAY_PER_TEN_SECONDS);

        realTimePasses(Duration.ofSeconds(10));

        assertThat(clock.instant()).isEqualTo(start.plus(Duration.ofDays(1)));
        assertThat(clock.realInstant()).isEqualTo(REAL_START.plusSeconds(10));
    }

    @Test
    void acceleratingKeepsTheCurrentInstantAndChangesOnlyWhatFollows() {
        StackClock clock = new StackClock(realSource, null, 1);
        realTimePasses(Duration.ofSeconds(30));
        Instant before = clock.instant();

        clock.accelerate(3600);
        realTimePasses(Duration.ofSeconds(2));

        assertThat(clock.instant()).isEqualTo(before.plus(Duration.ofHours(2)));
        assertThat(clock.rate()).isEqualTo(3600);
    }

    @Test
    void advancingJumpsForwardAndKeepsTheRate() {
        StackClock clock = new StackClock(realSource, null, 2);

        Instant jumped = clock.advance(Duration.ofHours(48));
        realTimePasses(Duration.ofSeconds(1));

        assertThat(jumped).isEqualTo(REAL_START.plus(Duration.ofHours(48)));
        assertThat(clock.instant()).isEqualTo(jumped.plusSeconds(2));
    }

    @Test
    void timeNeverRunsBackwards() {
        StackClock clock = new StackClock(realSource, null, 1);

        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only moves forward");
        assertThatThrownBy(() -> clock.accelerate(0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 1");
        assertThatThrownBy(() -> new StackClock(realSource, null, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
