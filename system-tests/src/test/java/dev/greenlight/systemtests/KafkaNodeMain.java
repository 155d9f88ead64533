package dev.greenlight.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * One Kafka node of {@link KraftCluster} as a process of its own, the way the {@code apache/kafka}
 * image runs it: formats its log directory on first start (a restart keeps what is there), then
 * runs the combined broker and controller until it is killed. So losing a broker in the fault suite
 * is a {@code SIGKILL} of a real process, with whatever it had not flushed, and a restart recovers
 * its log from disk. It ends by itself when the test JVM that started it is gone (a killed build
 * leaves no broker behind).
 *
 * <p>Arguments: the server properties file, the process id of the test JVM.
 */
public final class KafkaNodeMain {

    static final String CLUSTER_ID = "cluster.id.for.format";

    private KafkaNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            props.load(in);
        }
        watchParent(Long.parseLong(args[1]));
        String clusterId = (String) props.remove(CLUSTER_ID);
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        format(config, clusterId, Integer.parseInt(props.getProperty("node.id")));
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        System.out.println("[kafka-node] node " + props.getProperty("node.id") + " started");
        server.awaitShutdown();
    }

    /** Halts this node when the test JVM has ended (it may have been killed, with no chance to stop us). */
    private static void watchParent(long parentPid) {
        ProcessHandle.of(parentPid).ifPresentOrElse(parent -> parent.onExit().thenRun(() -> {
            System.out.println("[kafka-node] the test JVM " + parentPid + " is gone: halting");
            Runtime.getRuntime().halt(0);
        }), () -> Runtime.getRuntime().halt(0));
    }

    private static void format(KafkaConfig config, String clusterId, int nodeId) throws Exception {
        Path logDir = Path.of(config.metadataLogDir());
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + logDir, e);
        }
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(nodeId)
                .setClusterId(clusterId)
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(config.metadataLogDir())
                .setDirectories(List.of(logDir.toString()))
                .setIgnoreFormatted(true)
                .run();
    }
}
