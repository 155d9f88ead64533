package dev.greenlight.cli.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM,
 * so that {@code ./greenlight up} needs nothing but a JDK: no Docker, no Kafka download.
 *
 * <p>The storage is formatted on first start with a fixed cluster id and left alone afterwards,
 * so a restart on the same directory finds its topics and records again. The settings are the
 * ones a single node needs (replication factor 1 for the internal topics, otherwise transactions
 * and Kafka Streams exactly-once hang) plus small thread pools and cleaner buffers, because the
 * broker shares the heap with six Spring Boot applications.
 *
 * <p>It is a security boundary like a production cluster: both listeners require SASL (no
 * anonymous client gets past the handshake) and KRaft's {@code StandardAuthorizer} denies whatever
 * no ACL allows. Services and deployers log in with SCRAM-SHA-512; the broker itself and the
 * stack's set-up log in as {@value KafkaCredentials#ADMIN}, the one super user, with PLAIN against
 * this configuration (so it works before any SCRAM credential exists).
 */
public final class LocalKafkaBroker implements AutoCloseable {

    /** Fixed so the data directory stays valid across restarts (base64 of "GreenlightLocal!"). */
    static final String CLUSTER_ID = "R3JlZW5saWdodExvY2FsIQ";

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final KafkaCredentials credentials;
    private KafkaRaftServer server;

    /**
     * @param logDir         where the broker keeps its data; created if missing
     * @param port           the client (SASL) port
     * @param controllerPort the KRaft controller port
     * @param credentials    the super user's password (the broker's own login) and everyone else's
     */
    public LocalKafkaBroker(Path logDir, int port, int controllerPort, KafkaCredentials credentials) {
        this.logDir = logDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.credentials = credentials;
    }

    /** The passwords this broker was started with. */
    public KafkaCredentials credentials() {
        return credentials;
    }

    /** The {@code bootstrap.servers} value clients use to reach this broker. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /**
     * Formats the storage if needed, starts the broker and returns once it answers a
     * {@code describeCluster} request.
     *
     * @throws IllegalStateException if the broker does not answer within {@code timeout}
     */
    public synchronized LocalKafkaBroker start(Duration timeout) {
        if (server != null) {
            throw new IllegalStateException("broker already started");
        }
        KafkaConfig config = KafkaConfig.fromProps(brokerProperties(), false);
        format(config);
        server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
            awaitReady(timeout);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("Kafka broker up at {} (data in {})", bootstrapServers(), logDir);
        return this;
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
    }

    private Properties brokerProperties() {
        Properties props = new Properties();
        props.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort),
                Map.entry("listeners", "CLIENT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort),
                Map.entry("advertised.listeners", "CLIENT://localhost:" + port),
                Map.entry("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT"),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "CLIENT"),
                // Clients: SCRAM users from the metadata log; PLAIN knows the super user only.
                Map.entry("listener.name.client.sasl.enabled.mechanisms",
                        KafkaCredentials.SCRAM_MECHANISM + "," + KafkaCredentials.ADMIN_MECHANISM),
                Map.entry("listener.name.client.scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;"),
                Map.entry("listener.name.client.plain.sasl.jaas.config", credentials.plainServerJaas()),
                // The controller: SCRAM cannot serve it (its credentials live in the log it serves),
                // so PLAIN, and only the super user (the broker itself) can log in there.
                Map.entry("listener.name.controller.sasl.enabled.mechanisms", KafkaCredentials.ADMIN_MECHANISM),
                Map.entry("listener.name.controller.plain.sasl.jaas.config", credentials.plainServerJaas()),
                Map.entry("sasl.mechanism.inter.broker.protocol", KafkaCredentials.ADMIN_MECHANISM),
                Map.entry("sasl.mechanism.controller.protocol", KafkaCredentials.ADMIN_MECHANISM),
                // Deny by default: what no ACL allows, nobody but the super user may do.
                Map.entry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer"),
                Map.entry("allow.everyone.if.no.acl.found", "false"),
                Map.entry("super.users", "User:" + KafkaCredentials.ADMIN),
                Map.entry("log.dirs", logDir.toString()),
                // One node: every internal topic must be satisfiable with one replica.
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "5"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // Topics come from the catalogue only; a typo must fail, not create a topic.
                Map.entry("auto.create.topics.enable", "false"),
                // Services stamp events with the stack clock, which demos and end-to-end tests run
                // days ahead of real time; Kafka 4 refuses timestamps over an hour in the future.
                Map.entry("log.message.timestamp.after.max.ms", String.valueOf(Long.MAX_VALUE)),
                // Memory-light: defaults are sized for a dedicated machine (128 MB cleaner buffer).
                Map.entry("num.network.threads", "2"),
                Map.entry("num.io.threads", "2"),
                Map.entry("background.threads", "2"),
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024)),
                Map.entry("log.cleaner.io.buffer.size", String.valueOf(256 * 1024))));
        return props;
    }

    private void format(KafkaConfig config) {
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(CLUSTER_ID)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setDirectories(List.of(logDir.toString()))
                    // A restart finds the directory formatted already: keep its data.
                    .setIgnoreFormatted(true)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka data directory " + logDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage in " + logDir, e);
        }
    }

    /** Admin client settings logging in as the super user, plus {@code extra}. */
    public Map<String, Object> adminConfig(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(credentials.adminProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.putAll(extra);
        return config;
    }

    private void awaitReady(Duration timeout) {
        // Monotonic: a wall-clock jump must neither stretch nor cut the wait.
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(adminConfig(Map.of(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000")))) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() - deadline > 0) {
                        throw new IllegalStateException("Kafka broker at " + bootstrapServers()
                                + " did not answer within " + timeout, e);
                    }
                    LockSupport.parkNanos(POLL_INTERVAL.toNanos());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
                }
            }
        }
    }
}
