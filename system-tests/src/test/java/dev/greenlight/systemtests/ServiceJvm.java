package dev.greenlight.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Greenlight process as a container would run it: {@code java -jar <its exec jar>} in an empty
 * working directory of its own, with exactly the environment it is given (nothing inherited but
 * {@code PATH} and {@code JAVA_HOME}), its output in a log file. {@link #kill()} is {@code kill -9}
 * (SIGKILL: no shutdown hook, no flush, no leaving the consumer group); {@link #start()} again runs
 * it on the same directories, like a restarted container on its volumes.
 */
final class ServiceJvm implements AutoCloseable {

    /** Small heaps and a quick JIT: eight JVMs share two cores in CI. */
    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx320m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:MaxMetaspaceSize=192m");

    private final String name;
    private final Path jar;
    private final List<String> arguments;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path log;
    private final int port;
    private Process process;
    private int starts;

    ServiceJvm(String name, Path jar, List<String> arguments, Map<String, String> environment, Path workDir, int port) {
        this.name = name;
        this.jar = jar;
        this.arguments = List.copyOf(arguments);
        this.environment = Map.copyOf(environment);
        this.workDir = workDir;
        this.log = workDir.getParent().resolve(name + ".log");
        this.port = port;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    synchronized ServiceJvm start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " runs already");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        String path = env.get("PATH");
        env.clear();
        if (path != null) {
            env.put("PATH", path);
        }
        env.putAll(environment);
        try {
            Files.createDirectories(workDir);
            Files.writeString(log, "%n===== start %d of %s: %s%n".formatted(++starts, name, command),
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
        return this;
    }

    /** kill -9: the process ends at once, whatever it was doing. */
    synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** Runs to completion (a one-shot job) and returns its exit code. */
    int awaitExit(long seconds) throws InterruptedException {
        Process running;
        synchronized (this) {
            running = process;
        }
        if (!running.waitFor(seconds, TimeUnit.SECONDS)) {
            running.destroyForcibly();
            throw new IllegalStateException(name + " did not finish within " + seconds + " s:\n" + tail());
        }
        return running.exitValue();
    }

    /** The last lines of its log, for a failure message. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        Process running;
        synchronized (this) {
            running = process;
        }
        if (running != null && running.isAlive()) {
            running.destroy();
            try {
                if (!running.waitFor(30, TimeUnit.SECONDS)) {
                    running.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.destroyForcibly();
            }
        }
    }
}
