package dev.greenlight.cli.bench;

import dev.greenlight.cli.stack.KafkaCredentials;
import dev.greenlight.cli.stack.StackClockControl;
import dev.greenlight.cli.stack.StackConfig;
import dev.greenlight.cli.stack.StackService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.util.FileSystemUtils;

/**
 * The Greenlight the benchmark measures: either a stack it starts itself — {@code greenlight up}
 * in a child JVM ({@link StackProcess}) on free ports in a temporary data directory, deleted
 * afterwards — or one already running at the configured URLs ({@code --use-running}). The
 * benchmark only talks to it through its public HTTP APIs and, for the raw ceilings and for
 * watching what becomes visible, through Kafka as the broker's super user.
 */
final class BenchStack implements AutoCloseable {

    private final Map<StackService, String> urls;
    private final String registryUrl;
    private final String bootstrapServers;
    private final Clock clock;
    private final Map<String, Object> login;
    private final Path dataDir;
    private final StackConfig config;
    private StackProcess process;
    private int starts;
    private Optional<StackProcess.Stop> lastStop = Optional.empty();
    private final Duration freshStart;

    private BenchStack(Map<StackService, String> urls, String registryUrl, String bootstrapServers,
                       Clock clock, Map<String, Object> login, Path dataDir, StackConfig config, StackProcess process,
                       Duration freshStart) {
        this.urls = urls;
        this.registryUrl = registryUrl;
        this.bootstrapServers = bootstrapServers;
        this.clock = clock;
        this.login = login;
        this.dataDir = dataDir;
        this.config = config;
        this.process = process;
        this.freshStart = freshStart;
        this.starts = process != null ? 1 : 0;
    }

    /** Starts a whole stack in a child JVM on free ports in a new temporary directory; how long that took is the restore ceiling. */
    static BenchStack embedded(Duration timeout) {
        Path dir;
        try {
            dir = Files.createTempDirectory("greenlight-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path data = dir.resolve("data");
        StackConfig config = StackProcess.freePorts(data);
        long start = System.nanoTime();
        StackProcess process;
        try {
            process = StackProcess.start(config, dir.resolve("stack-1.log"), timeout);
        } catch (RuntimeException e) {
            FileSystemUtils.deleteRecursively(dir.toFile());
            throw e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Map<StackService, String> urls = new EnumMap<>(StackService.class);
        for (StackService service : StackService.values()) {
            urls.put(service, "http://localhost:" + config.servicePort(service));
        }
        String clockUrl = "http://localhost:" + config.controlPort() + "/clock"; // what up prints as stack-clock
        StackClockControl control = new StackClockControl(URI.create(clockUrl));
        return new BenchStack(urls, "http://localhost:" + config.registryPort(), "localhost:" + config.kafkaPort(),
                new StackTime(() -> control.read().now()),
                KafkaCredentials.load(KafkaCredentials.file(data)).adminProperties(), data, config, process, took);
    }

    /** A stack somebody else runs; its Kafka login comes from the caller (the super user: the bench reads every topic). */
    static BenchStack running(Map<StackService, String> urls, String registryUrl, String bootstrapServers,
                              Clock stackClock, Map<String, Object> kafkaLogin, Path dataDir) {
        return new BenchStack(new EnumMap<>(urls), registryUrl, bootstrapServers, new StackTime(stackClock::instant),
                Map.copyOf(kafkaLogin), dataDir, null, null, null);
    }

    String url(StackService service) {
        return urls.get(service);
    }

    String registryUrl() {
        return registryUrl;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** The stack's time, which evidence is stamped with (an accelerated or advanced stack is ahead of this machine). */
    Clock clock() {
        return clock;
    }

    /** Client settings of the broker's super user: the benchmark reads every topic and writes its scratch topic. */
    Map<String, Object> superUser() {
        Map<String, Object> config = new HashMap<>(login);
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }

    boolean embedded() {
        return config != null;
    }

    /** The stack process, while the benchmark's own stack runs. */
    Optional<StackProcess> process() {
        return Optional.ofNullable(process);
    }

    /** How long the benchmark's own stack took from nothing to healthy; empty for a running stack. */
    Optional<Duration> freshStart() {
        return Optional.ofNullable(freshStart);
    }

    /** The stack clock's resource on the control port, for a stack the benchmark started. */
    Optional<String> clockUrl() {
        return config == null ? Optional.empty()
                : Optional.of("http://localhost:" + config.controlPort() + "/clock"); // what up prints as stack-clock
    }

    /** The Kafka credentials of a stack the benchmark started (every principal's password). */
    Optional<Path> kafkaCredentialsFile() {
        return config == null ? Optional.empty() : Optional.of(KafkaCredentials.file(dataDir));
    }

    /** The benchmark's temporary directory (deleted with the stack), for a stack the benchmark started. */
    Optional<Path> workDir() {
        return config == null ? Optional.empty() : Optional.of(dataDir.getParent());
    }

    /** The gate-evaluator's Kafka Streams state directory, when the stack's data directory is known. */
    Optional<Path> gateStateDir() {
        if (dataDir == null) {
            return Optional.empty();
        }
        Path dir = dataDir.resolve("streams").resolve(StackService.GATE_EVALUATOR.serviceName());
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    /**
     * Stops the benchmark's own stack process and starts a new one on the same ports and data: the
     * services restore their state from their state directories and changelogs, in a fresh JVM.
     *
     * @return the time from the new process's start until every component is healthy
     */
    synchronized Duration restart(Duration timeout) {
        if (config == null) {
            throw new IllegalStateException("only a stack the benchmark started can be restarted");
        }
        if (process != null) {
            lastStop = Optional.of(process.stop());
            process = null;
        }
        long start = System.nanoTime();
        process = StackProcess.start(config, dataDir.getParent().resolve("stack-" + (++starts) + ".log"), timeout);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** How the stack process stopped before the last {@link #restart}, if there was one. */
    synchronized Optional<StackProcess.Stop> lastStop() {
        return lastStop;
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.close();
            process = null;
        }
        if (config != null) {
            FileSystemUtils.deleteRecursively(dataDir.getParent().toFile());
        }
    }
}
