package dev.greenlight.cli.bench;

import dev.greenlight.cli.GreenlightCli;
import dev.greenlight.cli.stack.LocalStack;
import dev.greenlight.cli.stack.StackConfig;
import dev.greenlight.cli.stack.StackService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's own stack as a child JVM running {@code greenlight up} on chosen ports and data
 * directory. A separate process is what makes the restore figure honest: stopping it releases
 * every file lock and thread of the old stack (in one JVM, Kafka Streams found its state directory
 * still held by the instance just stopped), the restarted stack starts cold like a real restart,
 * and heap and resident memory are the stack's alone, not the load generator's too.
 */
final class StackProcess implements AutoCloseable {

    /** What {@code greenlight up} prints once every component is healthy. */
    static final String UP_MARKER = "Greenlight is up in";

    /** A line of the services' log (time, level), as opposed to what the command prints itself. */
    private static final Pattern LOG_LINE = Pattern.compile("\\d{2}:\\d{2}:\\d{2}\\.\\d{3} +[A-Z]+ ");
    private static final Pattern G1_USED = Pattern.compile("used (\\d+)K");
    /** Kafka Streams' line for each changelog partition it finished restoring (its INFO level is switched on below). */
    private static final Pattern RESTORED = Pattern.compile("Finished restoring changelog .* with a total number of (\\d+) records");
    private static final Pattern BROKER_UP = Pattern.compile("^(\\d{2}:\\d{2}:\\d{2}\\.\\d{3}) .*Kafka broker up at");
    /** The audit ledger writer's line once it has rebuilt its chain heads and tree and starts appending. */
    private static final Pattern LEDGER_RESUMED = Pattern.compile("^(\\d{2}:\\d{2}:\\d{2}\\.\\d{3}) .*(Ledger resumed .*)$");

    private final Process process;
    private final Path log;
    private final LocalTime startedAt;
    private Map<String, Duration> healthyAfter = Map.of();

    private StackProcess(Process process, Path log, LocalTime startedAt) {
        this.process = process;
        this.log = log;
        this.startedAt = startedAt;
    }

    /**
     * A config on free ports whose service ports are consecutive, as {@code up --service-port-base} needs.
     * The registry and the services, whose health the bench polls while they start
     * ({@link ComponentReadiness}), listen below Linux's ephemeral range (32768-60999): a connection
     * attempt to a port of that range where nothing listens yet can be given that very port as its own
     * (a TCP self-connect), and then the component starting there finds its port in use.
     */
    static StackConfig freePorts(Path dataDir) {
        StackConfig config = StackConfig.withFreePorts(dataDir);
        int count = StackService.values().length + 1; // the registry, then the services
        for (int attempt = 0; attempt < 50; attempt++) {
            int registry = 20_000 + (int) (Math.random() * (EPHEMERAL_FROM - 20_000 - count));
            if (allFree(registry, count, config)) {
                return config.withRegistryPort(registry).withServicePortsFrom(registry + 1);
            }
        }
        throw new IllegalStateException("found no " + count + " consecutive free ports");
    }

    /** Where Linux's default ephemeral port range starts. */
    private static final int EPHEMERAL_FROM = 32_768;

    private static boolean allFree(int base, int count, StackConfig config) {
        List<Integer> taken = List.of(config.kafkaPort(), config.controllerPort(), config.registryPort(), config.controlPort());
        for (int port = base; port < base + count; port++) {
            if (taken.contains(port)) {
                return false;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** Starts {@code greenlight up} for {@code config} and returns once it reports every component healthy. */
    static StackProcess start(StackConfig config, Path log, Duration timeout) {
        List<String> command = new ArrayList<>(launcher());
        // What each restart restored shows in the log: Kafka Streams' restore summary lines (INFO).
        int main = command.contains("-jar") ? command.indexOf("-jar") : command.indexOf("-cp");
        command.add(main, "-Dlogging.level.org.apache.kafka.streams.processor.internals.StoreChangelogReader=INFO");
        command.addAll(List.of("up", "--data-dir", config.dataDir().toString(),
                "--kafka-port", Integer.toString(config.kafkaPort()),
                "--controller-port", Integer.toString(config.controllerPort()),
                "--registry-port", Integer.toString(config.registryPort()),
                "--control-port", Integer.toString(config.controlPort()),
                "--service-port-base", Integer.toString(config.servicePort(StackService.values()[0])),
                "--timeout", Long.toString(timeout.toSeconds())));
        Process process;
        LocalTime startedAt = LocalTime.now();
        long startNanos = System.nanoTime();
        try {
            Files.deleteIfExists(log);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the stack process: " + command, e);
        }
        StackProcess stack = new StackProcess(process, log, startedAt);
        long deadline = System.nanoTime() + timeout.plusSeconds(30).toNanos();
        try (ComponentReadiness readiness = ComponentReadiness.watch(LocalStack.healthUrls(config), startNanos)) {
            while (System.nanoTime() < deadline) {
                if (stack.logContains(UP_MARKER)) {
                    readiness.close();
                    stack.healthyAfter = readiness.upAfter();
                    return stack;
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("the stack process exited with " + process.exitValue() + " ("
                            + upSoFar(readiness) + "):\n" + stack.tail());
                }
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
            stack.close();
            throw new IllegalStateException("the stack process was not healthy within " + timeout.toSeconds() + " s ("
                    + upSoFar(readiness) + "):\n" + stack.tail());
        }
    }

    /** Which components had reported health UP, and when, for a start that failed: which one it waited for. */
    private static String upSoFar(ComponentReadiness readiness) {
        Map<String, Duration> up = readiness.upAfter();
        StringBuilder text = new StringBuilder("health UP after its start: ");
        up.forEach((component, after) -> text.append(component).append(' ')
                .append(String.format(Locale.ROOT, "%.1f s", after.toMillis() / 1000.0)).append(", "));
        return text.append(up.isEmpty() ? "none" : "the others never").toString();
    }

    /**
     * Records Kafka Streams restored from changelogs since this process started (all services):
     * zero after a clean stop, since the stores resume from their checkpoints; the records written
     * since the previous start when a service was not closed cleanly.
     */
    long restoredRecords() {
        long records = 0;
        for (String line : lines()) {
            Matcher restored = RESTORED.matcher(line);
            if (restored.find()) {
                records += Long.parseLong(restored.group(1));
            }
        }
        return records;
    }

    /** How long after this process started its broker was up (log stamps are this machine's local time). */
    Optional<Duration> brokerUpAfter() {
        return firstLine(BROKER_UP).map(this::sinceStart);
    }

    /**
     * How long after this process started the audit ledger's writer resumed appending (it rebuilds its
     * chain heads and Merkle tree from the ledger first, in the background: the service is UP before),
     * with what it logged about that rebuild.
     */
    Optional<Resumed> ledgerResumed() {
        return firstLine(LEDGER_RESUMED).map(line -> new Resumed(sinceStart(line), line.group(2)));
    }

    /** When a component did something after the process started, and what it said. */
    record Resumed(Duration after, String message) {
    }

    /** Each component's time from this process's start to its first health UP (registry first, then the services). */
    Map<String, Duration> healthyAfter() {
        return healthyAfter;
    }

    private Optional<Matcher> firstLine(Pattern pattern) {
        for (String line : lines()) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                return Optional.of(matcher);
            }
        }
        return Optional.empty();
    }

    private Duration sinceStart(Matcher stamped) {
        Duration after = Duration.between(startedAt, LocalTime.parse(stamped.group(1)));
        return after.isNegative() ? after.plusDays(1) : after;
    }

    private List<String> lines() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    long pid() {
        return process.pid();
    }

    /** VmRSS of the stack process (Linux), in MB. */
    Optional<Double> rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024 / 1e6);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return Optional.empty();
    }

    /** Heap in use after a full GC of the stack process, in MB, through {@code jcmd} when the JDK has it. */
    Optional<Double> heapAfterGcMb() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return Optional.empty();
        }
        try {
            run(jcmd.toString(), Long.toString(pid()), "GC.run");
            Matcher used = G1_USED.matcher(run(jcmd.toString(), Long.toString(pid()), "GC.heap_info"));
            return used.find() ? Optional.of(Long.parseLong(used.group(1)) * 1024 / 1e6) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] out = process.getInputStream().readAllBytes();
            process.waitFor(60, TimeUnit.SECONDS);
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * The end of the stack's output, for a failure message (the log is deleted with the temporary
     * directory): the last lines {@code greenlight up} printed itself — which component it was still
     * waiting for — then the last log lines, which a retrying client can fill by the hundred.
     */
    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            // Not log lines, nor the stack traces under them.
            List<String> own = lines.stream().filter(line -> !LOG_LINE.matcher(line).lookingAt()
                    && !line.startsWith("\t") && !line.startsWith(" ") && !line.startsWith("Caused by")).toList();
            return "greenlight up printed:\n" + String.join("\n", own.subList(Math.max(0, own.size() - 10), own.size()))
                    + "\nlast log lines:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private boolean logContains(String text) {
        try {
            return Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** Stops the stack as Ctrl-C would ({@code up}'s shutdown hook closes it), then for good if it hangs. */
    @Override
    public void close() {
        stop();
    }

    /**
     * How long a stop may take before the stack is killed. The services give Kafka Streams up to
     * two minutes each to close cleanly ({@code greenlight.streams.close-timeout}), one after the
     * other, which is what makes the restart skip restoring the stores; killing the stack sooner
     * would measure a crash instead.
     */
    static final Duration STOP_WAIT = Duration.ofSeconds(600);

    /**
     * Asks the stack to stop (SIGTERM: the services shut down and Kafka Streams commits and writes
     * its checkpoints) and kills it when it has not stopped within {@link #STOP_WAIT}.
     *
     * @return how it stopped, which decides what a restart restores: after a kill, exactly-once
     *         Kafka Streams does not trust the state directory and restores the stores from their changelogs
     */
    Stop stop() {
        long start = System.nanoTime();
        process.destroy();
        boolean graceful = false;
        try {
            graceful = process.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            if (!graceful) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        return new Stop(graceful, Duration.ofNanos(System.nanoTime() - start));
    }

    /** How a stack process stopped: on its own after SIGTERM, or killed; and how long that took. */
    record Stop(boolean graceful, Duration took) {
        @Override
        public String toString() {
            return graceful ? String.format(Locale.ROOT, "stopped in %.1f s after SIGTERM", took.toMillis() / 1000.0)
                    : String.format(Locale.ROOT, "not stopped %d s after SIGTERM, killed (%.1f s in all)",
                            STOP_WAIT.toSeconds(), took.toMillis() / 1000.0);
        }
    }

    /**
     * How to run this same CLI in a new JVM: {@code java -jar} the executable jar when that is how
     * this one was started (./greenlight), else the same class path (tests, IDE), with the heap
     * limit and the system settings the launcher passes.
     */
    static List<String> launcher() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + (Runtime.getRuntime().maxMemory() >> 20) + "m");
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("-Xss") || argument.startsWith("-Dorg.apache.avro.")
                    || argument.startsWith("-Dgreenlight.")) {
                command.add(argument);
            }
        }
        String classPath = System.getProperty("java.class.path");
        if (isExecutableJar(classPath)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, GreenlightCli.class.getName()));
        }
        return command;
    }

    private static boolean isExecutableJar(String classPath) {
        if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getManifest() != null && jar.getManifest().getMainAttributes().getValue("Start-Class") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
