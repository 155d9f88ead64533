package dev.greenlight.cli.bench;

import dev.greenlight.cli.stack.KafkaCredentials;
import dev.greenlight.cli.stack.LocalStack;
import dev.greenlight.cli.stack.StackClock;
import dev.greenlight.cli.stack.StackConfig;
import dev.greenlight.cli.stack.StackService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.springframework.util.FileSystemUtils;

/**
 * The Greenlight the benchmark measures: either a stack it starts itself, exactly as
 * {@code greenlight up} does but on free ports in a temporary data directory (deleted afterwards),
 * or one already running at the configured URLs ({@code --use-running}). The benchmark only talks
 * to it through its public HTTP APIs and, for the raw ceilings and for watching what becomes
 * visible, through Kafka as the broker's super user.
 */
final class BenchStack implements AutoCloseable {

    private final Map<StackService, String> urls;
    private final String registryUrl;
    private final String bootstrapServers;
    private final KafkaCredentials credentials;
    private final Path dataDir;
    private LocalStack stack;
    private final Duration freshStart;
    private final boolean ownsDataDir;

    private BenchStack(Map<StackService, String> urls, String registryUrl, String bootstrapServers,
                       KafkaCredentials credentials, Path dataDir, LocalStack stack, Duration freshStart) {
        this.urls = urls;
        this.registryUrl = registryUrl;
        this.bootstrapServers = bootstrapServers;
        this.credentials = credentials;
        this.dataDir = dataDir;
        this.stack = stack;
        this.freshStart = freshStart;
        this.ownsDataDir = stack != null;
    }

    /** Starts a whole stack on free ports in a new temporary directory; how long that took is the restore ceiling. */
    static BenchStack embedded(Duration timeout) {
        Path dir;
        try {
            dir = Files.createTempDirectory("greenlight-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long start = System.nanoTime();
        LocalStack stack = new LocalStack(StackConfig.withFreePorts(dir), new StackClock(InstantSource.system(), null, 1));
        try {
            stack.start(timeout);
            stack.waitUntilHealthy(timeout);
        } catch (RuntimeException e) {
            stack.close();
            FileSystemUtils.deleteRecursively(dir.toFile());
            throw e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Map<StackService, String> urls = new EnumMap<>(StackService.class);
        for (StackService service : StackService.values()) {
            urls.put(service, stack.serviceUrl(service));
        }
        return new BenchStack(urls, stack.registryUrl(), stack.bootstrapServers(), stack.kafkaCredentials(), dir,
                stack, took);
    }

    /** A stack somebody else runs; its Kafka passwords come from its data directory's credentials file. */
    static BenchStack running(Map<StackService, String> urls, String registryUrl, String bootstrapServers, Path dataDir) {
        KafkaCredentials credentials = KafkaCredentials.load(KafkaCredentials.file(dataDir));
        return new BenchStack(new EnumMap<>(urls), registryUrl, bootstrapServers, credentials, dataDir, null, null);
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

    /** Client settings of the broker's super user: the benchmark reads every topic and writes its scratch topic. */
    Map<String, Object> superUser() {
        Map<String, Object> config = new HashMap<>(credentials.adminProperties());
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }

    boolean embedded() {
        return stack != null;
    }

    /** How long the benchmark's own stack took from nothing to healthy; empty for a running stack. */
    Optional<Duration> freshStart() {
        return Optional.ofNullable(freshStart);
    }

    /** The gate-evaluator's Kafka Streams state directory, when the stack's data directory is known. */
    Optional<Path> gateStateDir() {
        Path dir = dataDir.resolve("streams").resolve(StackService.GATE_EVALUATOR.serviceName());
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    /**
     * Stops the benchmark's own stack and starts it again on the same ports and data: the services
     * restore their state from their state directories and changelogs.
     *
     * @return the time from the start call until every component is healthy
     */
    synchronized Duration restart(Duration timeout) {
        if (stack == null) {
            throw new IllegalStateException("only a stack the benchmark started can be restarted");
        }
        StackConfig config = stack.config();
        stack.close();
        stack = null;
        long start = System.nanoTime();
        // On a loaded machine a Streams thread of the stopped stack can still hold its state
        // directory for a few seconds; a second attempt then finds it free.
        for (int attempt = 1; ; attempt++) {
            LocalStack again = new LocalStack(config, new StackClock(InstantSource.system(), null, 1));
            try {
                again.start(timeout);
                again.waitUntilHealthy(timeout);
                stack = again;
                return Duration.ofNanos(System.nanoTime() - start);
            } catch (RuntimeException e) {
                again.close();
                if (attempt == 3) {
                    throw e;
                }
                LockSupport.parkNanos(Duration.ofSeconds(10).toNanos());
            }
        }
    }

    @Override
    public synchronized void close() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
        if (ownsDataDir) {
            FileSystemUtils.deleteRecursively(dataDir.toFile());
        }
    }
}
