package dev.greenlight.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A second gate-evaluator instance for the "two gate instances vs one" figures: a child JVM running
 * {@code greenlight bench gate-instance} ({@link GateInstanceCommand}) against the benchmark's own
 * stack, on a free port with its own state directory. A separate process, like a second replica of
 * a deployment: it shares nothing with the stack's JVM but the broker, and stopping it makes it
 * leave the consumer group so the stack's instance takes its partitions back.
 */
final class GateInstanceProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private GateInstanceProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the instance and returns once its application context is up (it may not own partitions yet). */
    static GateInstanceProcess start(BenchStack stack, Path dir, Duration timeout) {
        int port = freePort();
        List<String> command = new ArrayList<>(StackProcess.launcher());
        command.addAll(List.of("bench", "gate-instance",
                "--bootstrap-servers", stack.bootstrapServers(),
                "--registry-url", stack.registryUrl(),
                "--clock-url", stack.clockUrl().orElseThrow(),
                "--credentials", stack.kafkaCredentialsFile().orElseThrow().toString(),
                "--port", Integer.toString(port),
                "--state-dir", dir.resolve("gate-2-state").toString()));
        Path log = dir.resolve("gate-2.log");
        Process process;
        try {
            Files.deleteIfExists(log);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the second gate instance: " + command, e);
        }
        GateInstanceProcess instance = new GateInstanceProcess(process, log);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (instance.output().contains(GateInstanceCommand.UP_MARKER)) {
                return instance;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the second gate instance exited with " + process.exitValue() + ":\n"
                        + instance.tail());
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        instance.close();
        throw new IllegalStateException("the second gate instance did not start within " + timeout.toSeconds() + " s:\n"
                + instance.tail());
    }

    /**
     * Waits until this instance runs with active partitions and its assignment has not changed for
     * {@code settle} (a rebalance can take more than one round); empty if that did not happen in time.
     *
     * @return the partitions it owns, as it printed them
     */
    Optional<String> awaitActive(Duration timeout, Duration settle) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline && process.isAlive()) {
            String now = lastActive();
            if (!now.equals(last)) {
                last = now;
                lastChange = System.nanoTime();
            } else if (!now.isEmpty() && !"[]".equals(now) && System.nanoTime() - lastChange >= settle.toNanos()) {
                return Optional.of(now);
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
        return Optional.empty();
    }

    private String lastActive() {
        String active = "";
        for (String line : output().split("\n")) {
            int at = line.indexOf(GateInstanceCommand.ACTIVE_PREFIX);
            if (at >= 0) {
                active = line.substring(at + GateInstanceCommand.ACTIVE_PREFIX.length()).trim();
            }
        }
        return active;
    }

    private String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private String tail() {
        List<String> lines = List.of(output().split("\n"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the instance as a rolling deployment would (SIGTERM: it closes and leaves the group), then for good. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
