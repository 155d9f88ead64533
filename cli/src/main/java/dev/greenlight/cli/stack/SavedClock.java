package dev.greenlight.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Where a stack's simulated time had got to when it stopped, kept with its data: the events in the
 * topics are stamped with that time, so a restarted stack continues from there instead of going
 * back to the wall clock and seeing its own history in the future.
 */
public final class SavedClock {

    static final String FILE = "stack-clock";

    private SavedClock() {
    }

    /** The saved simulated instant, if the stack was ahead of real time when it stopped. */
    public static Optional<Instant> read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(Files.readString(file, StandardCharsets.UTF_8).strip()));
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty(); // an unreadable file only costs the continuation, never the start
        }
    }

    /**
     * Where a restarted stack's clock starts: the saved instant while it is still ahead of
     * {@code realNow}, else null (the real now). A stack killed with {@code kill -9} resumes here,
     * so its time never runs backwards past what it stamped before it died.
     */
    public static Instant resumeFrom(Path dataDir, Instant realNow) {
        return read(dataDir).filter(realNow::isBefore).orElse(null);
    }

    /** Saves {@code simulated} when it is ahead of {@code real}; forgets any saved time otherwise. */
    static void save(Path dataDir, Instant simulated, Instant real) {
        Path file = dataDir.resolve(FILE);
        try {
            if (simulated.isAfter(real)) {
                // Write aside, then rename over: a kill -9 mid-write leaves the old time or the
                // new one, never a torn file that would send the next start back to real time.
                Files.createDirectories(dataDir);
                Path written = Files.createTempFile(dataDir, FILE, ".tmp");
                Files.writeString(written, simulated.toString(), StandardCharsets.UTF_8);
                Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the stack clock in " + file, e);
        }
    }
}
