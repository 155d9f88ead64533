package dev.greenlight.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedClockTest {

    private static final Instant REAL = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void aStackStoppedAheadOfRealTimeContinuesFromWhereItGot() {
        Instant ahead = REAL.plus(Duration.ofDays(4));

        SavedClock.save(dataDir, ahead, REAL);

        assertThat(SavedClock.read(dataDir)).contains(ahead);
    }

    @Test
    void aStackBackInStepWithRealTimeForgetsTheSavedTime() {
        SavedClock.save(dataDir, REAL.plus(Duration.ofDays(4)), REAL);

        SavedClock.save(dataDir, REAL, REAL);

        assertThat(SavedClock.read(dataDir)).isEmpty();
    }

    @Test
    void aMissingOrUnreadableFileMeansRealTime() throws Exception {
        assertThat(SavedClock.read(dataDir)).isEmpty();

        Files.writeString(dataDir.resolve(SavedClock.FILE), "yesterday");

        assertThat(SavedClock.read(dataDir)).isEmpty();
    }
}
