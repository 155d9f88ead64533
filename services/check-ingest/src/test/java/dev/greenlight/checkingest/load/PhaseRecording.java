package dev.greenlight.checkingest.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;

/**
 * A JDK Flight Recorder recording of one measured phase only (not the broker's start, not the
 * warm-up, not the other phases), so {@code jfr print --events jdk.ExecutionSample} shows where the
 * CPU of exactly that phase went, thread by thread: {@code http-nio-*} is check-ingest's request
 * path, {@code kafka-producer-network-thread} its producers, {@code data-plane-*} the broker,
 * {@code HttpClient-*} and {@code ingest-load-*} the load generator. Sampling every 2 ms instead of
 * JFR's default 20 ms gives enough samples in a 10 s phase on a starved machine. Off unless
 * {@code -Dload.jfr=<directory>} is given.
 */
final class PhaseRecording implements AutoCloseable {

    private final Recording recording;
    private final Path file;

    private PhaseRecording(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    static PhaseRecording start(String phase) {
        String directory = System.getProperty("load.jfr");
        if (directory == null || directory.isBlank()) {
            return new PhaseRecording(null, null);
        }
        Recording recording = new Recording();
        recording.setName(phase);
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2)).withStackTrace();
        recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(20)).withStackTrace();
        recording.enable("jdk.ThreadCPULoad").withPeriod(Duration.ofSeconds(1));
        recording.enable("jdk.ObjectAllocationSample").withStackTrace();
        recording.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ofMillis(1)).withStackTrace();
        recording.enable("jdk.JavaErrorThrow").withStackTrace();
        recording.enable("jdk.JavaExceptionThrow").withStackTrace();
        recording.start();
        return new PhaseRecording(recording, Path.of(directory, phase + ".jfr"));
    }

    @Override
    public void close() throws IOException {
        if (recording == null) {
            return;
        }
        recording.stop();
        Files.createDirectories(file.getParent());
        recording.dump(file);
        recording.close();
        System.out.println("JFR of this phase: " + file.toAbsolutePath());
    }
}
