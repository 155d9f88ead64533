package dev.greenlight.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The three Kafka nodes of docker-compose.yml ({@code kafka-1}..{@code kafka-3}), each a process of
 * its own ({@link KafkaNodeMain}, started from this JVM's class path): each combined broker and
 * controller, configured from its compose environment the way the {@code apache/kafka} image does it
 * ({@code KAFKA_FOO_BAR} is {@code foo.bar}, {@code __} an underscore, {@code ___} a dash), so SASL
 * on every listener, the {@code StandardAuthorizer}, RF 3 / min ISR 2 and no unclean election are
 * the file's, not this class's. Only what a container gets from Docker is replaced: host names by
 * loopback ports, {@code /run/secrets} by a directory of files, the volume by a temporary log
 * directory, plus a few thread-pool sizes for a 2-core machine.
 *
 * <p>A node can be killed ({@link #kill}: {@code SIGKILL}, as a crashed machine or an OOM kill) and
 * started again on its data ({@link #start}) to take a broker away under load.
 */
final class KraftCluster implements AutoCloseable {

    static final List<String> NODES = List.of("kafka-1", "kafka-2", "kafka-3");
    /** The apache/kafka image's variables that are not broker settings. */
    private static final Set<String> NOT_SETTINGS = Set.of("KAFKA_OPTS", "KAFKA_HEAP_OPTS", "KAFKA_LOG4J_OPTS",
            "KAFKA_JMX_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_GC_LOG_OPTS", "KAFKA_DEBUG", "KAFKA_VERSION");

    /** Small heaps and a quick JIT, like the services' JVMs: many JVMs share two cores in CI. */
    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xss512k");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final Map<String, Properties> configs = new LinkedHashMap<>();
    private final Map<String, Process> running = new LinkedHashMap<>();
    /** The JVM options of the image's {@code KAFKA_OPTS} (the config providers the brokers may use). */
    private final List<String> kafkaOpts = new ArrayList<>();
    private final LoopbackHosts hosts;
    private final Path dataDir;

    KraftCluster(ComposeFile compose, LoopbackHosts hosts, Path secretsDir, Path dataDir) {
        this.hosts = hosts;
        this.dataDir = dataDir;
        for (String node : NODES) {
            Map<String, String> env = compose.environment(node);
            if (kafkaOpts.isEmpty()) {
                for (String option : env.getOrDefault("KAFKA_OPTS", "").split("\\s+")) {
                    if (option.startsWith("-D") && option.contains("=")) {
                        kafkaOpts.add(option);
                    }
                }
            }
            Properties props = new Properties();
            env.forEach((key, value) -> {
                if (key.startsWith("KAFKA_") && !NOT_SETTINGS.contains(key)) {
                    props.setProperty(propertyName(key), hosts.substitute(unescape(value))
                            .replace("/run/secrets", secretsDir.toString()));
                }
            });
            props.setProperty("listeners", props.getProperty("listeners")
                    .replace("://:9092", "://" + hosts.address(node + ":9092"))
                    .replace("://:9093", "://" + hosts.address(node + ":9093")));
            props.setProperty("log.dirs", dataDir.resolve(node).toString());
            props.setProperty(KafkaNodeMain.CLUSTER_ID, env.get("CLUSTER_ID"));
            // Sizing for three nodes sharing a 2-core machine with eight JVMs; no semantics change.
            props.setProperty("num.network.threads", "2");
            props.setProperty("num.io.threads", "2");
            props.setProperty("background.threads", "2");
            props.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
            props.setProperty("group.initial.rebalance.delay.ms", "0");
            configs.put(node, props);
        }
    }

    /** {@code KAFKA_LISTENER_NAME_SASL__PLAINTEXT_SCRAM___SHA___512_X} -> {@code listener.name.sasl_plaintext.scram-sha-512.x}. */
    static String propertyName(String variable) {
        return variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT)
                .replace("___", "\u0001").replace("__", "\u0002").replace('_', '.')
                .replace('\u0001', '-').replace('\u0002', '_');
    }

    /** Compose writes a literal {@code $} as {@code $$} and folds {@code >-} blocks into one line. */
    static String unescape(String value) {
        return value.replace("$$", "$").strip();
    }

    String bootstrapServers() {
        List<String> servers = new ArrayList<>();
        NODES.forEach(node -> servers.add(hosts.address(node + ":9092")));
        return String.join(",", servers);
    }

    /** Formats (once) and starts every node that is not running, in parallel: a quorum needs two. */
    KraftCluster startAll() {
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (String node : NODES) {
            if (!running.containsKey(node)) {
                starting.add(CompletableFuture.runAsync(() -> start(node)));
            }
        }
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
        return this;
    }

    /**
     * Starts {@code node}'s process on its log directory (formatted on the first start only) and
     * waits until its broker listener accepts connections.
     */
    void start(String node) {
        Path config = dataDir.resolve(node + ".properties");
        Path log = dataDir.resolve(node + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(kafkaOpts);
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(KafkaNodeMain.class.getName());
        command.add(config.toString());
        command.add(String.valueOf(ProcessHandle.current().pid()));
        Process process;
        try {
            Files.createDirectories(dataDir);
            try (OutputStream out = Files.newOutputStream(config)) {
                configs.get(node).store(out, node + " of docker-compose.yml");
            }
            Files.writeString(log, "%n===== start of %s%n".formatted(node), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + node, e);
        }
        synchronized (running) {
            running.put(node, process);
        }
        String[] address = hosts.address(node + ":9092").split(":");
        try {
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(node + " exited with " + process.exitValue() + ":\n" + tail(log));
                }
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address[0], Integer.parseInt(address[1])), 1_000);
                    return true;
                } catch (IOException notYet) {
                    return false;
                }
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(node + " did not listen within " + START_TIMEOUT + ":\n" + tail(log), e);
        }
    }

    /** kill -9 of the node's process: no controlled shutdown, nothing flushed; its data stays on disk. */
    void kill(String node) {
        Process process;
        synchronized (running) {
            process = running.remove(node);
        }
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        for (String node : List.copyOf(running.keySet())) {
            kill(node);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
