package dev.greenlight.systemtests;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * The three Kafka nodes of docker-compose.yml ({@code kafka-1}..{@code kafka-3}), in this JVM: each
 * combined broker and controller, configured from its compose environment the way the
 * {@code apache/kafka} image does it ({@code KAFKA_FOO_BAR} is {@code foo.bar}, {@code __} an
 * underscore, {@code ___} a dash), so SASL on every listener, the {@code StandardAuthorizer}, RF 3 /
 * min ISR 2 and no unclean election are the file's, not this class's. Only what a container gets
 * from Docker is replaced: host names by loopback ports, {@code /run/secrets} by a directory of
 * files, the volume by a temporary log directory, plus a few thread-pool sizes for a 2-core machine.
 *
 * <p>A node can be stopped and started again on its data ({@link #stop}, {@link #start}) to take a
 * broker away under load.
 */
final class KraftCluster implements AutoCloseable {

    static final List<String> NODES = List.of("kafka-1", "kafka-2", "kafka-3");
    /** The apache/kafka image's variables that are not broker settings. */
    private static final Set<String> NOT_SETTINGS = Set.of("KAFKA_OPTS", "KAFKA_HEAP_OPTS", "KAFKA_LOG4J_OPTS",
            "KAFKA_JMX_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_GC_LOG_OPTS", "KAFKA_DEBUG", "KAFKA_VERSION");

    private final Map<String, Properties> configs = new LinkedHashMap<>();
    private final Map<String, KafkaRaftServer> running = new LinkedHashMap<>();
    private final LoopbackHosts hosts;

    KraftCluster(ComposeFile compose, LoopbackHosts hosts, Path secretsDir, Path dataDir) {
        this.hosts = hosts;
        // A node's fatal fault must fail the test, not exit the test JVM.
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("Kafka node exit(" + code + "): " + message);
        });
        Exit.setHaltProcedure((code, message) -> {
            throw new IllegalStateException("Kafka node halt(" + code + "): " + message);
        });
        for (String node : NODES) {
            Map<String, String> env = compose.environment(node);
            // KAFKA_OPTS names the config providers the brokers may use (-D...): give this JVM the same.
            for (String option : env.getOrDefault("KAFKA_OPTS", "").split("\\s+")) {
                if (option.startsWith("-D") && option.contains("=")) {
                    System.setProperty(option.substring(2, option.indexOf('=')), option.substring(option.indexOf('=') + 1));
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
            props.setProperty("cluster.id.for.format", env.get("CLUSTER_ID"));
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

    void start(String node) {
        Properties props = new Properties();
        props.putAll(configs.get(node));
        String clusterId = (String) props.remove("cluster.id.for.format");
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        format(config, clusterId, Integer.parseInt(props.getProperty("node.id")));
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        synchronized (running) {
            running.put(node, server);
        }
        server.startup();
    }

    /** Stops a node the abrupt way an in-process broker allows: its server shut down, its data kept. */
    void stop(String node) {
        KafkaRaftServer server;
        synchronized (running) {
            server = running.remove(node);
        }
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    @Override
    public void close() {
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (String node : List.copyOf(running.keySet())) {
            stopping.add(CompletableFuture.runAsync(() -> stop(node)));
        }
        CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
    }

    private static void format(KafkaConfig config, String clusterId, int nodeId) {
        Path logDir = Path.of(config.metadataLogDir());
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setDirectories(List.of(logDir.toString()))
                    .setIgnoreFormatted(true)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format " + logDir, e);
        }
    }
}
