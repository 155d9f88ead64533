package dev.greenlight.gate.decision.kafka;

import static org.awaitility.Awaitility.await;

import dev.greenlight.events.GateDecided;
import dev.greenlight.platform.kafka.TopicSerdes;
import dev.greenlight.policy.catalog.PolicyCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.Stores;
import org.springframework.util.FileSystemUtils;

/**
 * Two gate applications on one broker at one injected clock, for the restore tests: one runs
 * throughout ("kept"), the other can be stopped and started again on an empty state directory
 * ({@link #restartRestoredFromChangelogs}), so only its changelogs give its state back. Both decide
 * the same evidence; their decisions are told apart on the shared decisions topic by {@link AppTag}
 * and collected per application as they become visible (read_committed). A restore is correct when
 * the restored gate decides afterwards what the kept one decides — decision ids cover the verdict,
 * the instant and every citation.
 */
final class TwoGates implements AutoCloseable {

    private static final Duration AT_MOST = Duration.ofMinutes(3);

    private final String brokers;
    private final TopicSerdes serdes;
    private final Clock clock;
    private final String kept;
    private final String restored;
    private final Map<String, List<GateDecided>> decided = new ConcurrentHashMap<>();
    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final Thread reader;
    private final KafkaStreams keptGate;
    private final Path keptState;
    private Path restoredState;
    private KafkaStreams restoredGate;

    /** Starts both gates and the decision reader; {@code kept} and {@code restored} are their application ids. */
    TwoGates(String brokers, TopicSerdes serdes, Clock clock, String kept, String restored) throws IOException {
        this.brokers = brokers;
        this.serdes = serdes;
        this.clock = clock;
        this.kept = kept;
        this.restored = restored;
        keptState = Files.createTempDirectory(kept);
        keptGate = gate(kept, keptState);
        restoredState = Files.createTempDirectory(restored);
        restoredGate = gate(restored, restoredState);
        reader = new Thread(this::readDecisions, "decision-reader");
        reader.start();
        keptGate.start();
        restoredGate.start();
    }

    /** The application id of the gate that is restored. */
    String restored() {
        return restored;
    }

    /** The application id of the gate that runs throughout. */
    String kept() {
        return kept;
    }

    /**
     * Stops the restored gate, deletes its state directory and starts it on an empty one. Returns,
     * per application, how many of its decisions were visible before, so a test can look at what
     * each decided afterwards ({@link #decidedSince}).
     */
    Map<String, Integer> restartRestoredFromChangelogs() throws IOException {
        // Stopped for certain before its directory goes: a close that timed out (a starved machine)
        // would leave the old instance's threads running next to the new one.
        await().atMost(AT_MOST).until(() -> restoredGate.close(Duration.ofSeconds(30)));
        FileSystemUtils.deleteRecursively(restoredState.toFile());
        Map<String, Integer> before = Map.of(kept, decided(kept).size(), restored, decided(restored).size());
        restoredState = Files.createTempDirectory(restored + "-again");
        restoredGate = gate(restored, restoredState);
        restoredGate.start();
        return before;
    }

    /** The application's decisions visible so far, in the order they became visible. */
    List<GateDecided> decided(String app) {
        return decided.getOrDefault(app, List.of());
    }

    /** The application's decisions after the first {@code before} of them. */
    List<GateDecided> decidedSince(String app, int before) {
        List<GateDecided> all = decided(app);
        return all.subList(before, all.size());
    }

    /** Flushes {@code producer}, then waits until each gate made a decision that {@code matches}. */
    void awaitBoth(KafkaProducer<String, SpecificRecord> producer, Predicate<GateDecided> matches) {
        awaitBothSince(producer, Map.of(kept, 0, restored, 0), matches);
    }

    /**
     * As {@link #awaitBoth}, among each gate's decisions after the first {@code before} of them (what
     * {@link #restartRestoredFromChangelogs} returned): a decision from before the restart may match
     * too, e.g. one taken while a batch was half counted, and must not end the wait.
     */
    void awaitBothSince(KafkaProducer<String, SpecificRecord> producer, Map<String, Integer> before,
                        Predicate<GateDecided> matches) {
        producer.flush();
        await().atMost(AT_MOST).pollInterval(Duration.ofMillis(50)).until(() -> List.of(kept, restored).stream()
                .allMatch(app -> decidedSince(app, before.get(app)).stream().anyMatch(matches)));
    }

    /**
     * An idempotent, acks=all producer of releases and metric samples, lingering 50 ms so a phase's
     * samples arrive in few batches, as a monitor's push would.
     */
    KafkaProducer<String, SpecificRecord> producer() {
        return TransactionalTestBroker.evidenceProducer(brokers, serdes, Map.of(ProducerConfig.LINGER_MS_CONFIG, 50));
    }

    @Override
    public void close() throws InterruptedException {
        try {
            restoredGate.close(Duration.ofSeconds(30));
            keptGate.close(Duration.ofSeconds(30));
        } finally {
            reading.set(false);
            reader.join();
            // RocksDB directories of both gates: left behind, every run added them to /tmp.
            FileSystemUtils.deleteRecursively(keptState.toFile());
            FileSystemUtils.deleteRecursively(restoredState.toFile());
        }
    }

    private KafkaStreams gate(String app, Path stateDir) {
        StreamsBuilder builder = new StreamsBuilder();
        GateTopology.build(builder, serdes, PolicyCatalog.load(Path.of("src/test/resources/test-policies")), clock,
                Duration.ofMillis(50), Stores::persistentKeyValueStore);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 20);
        config.put(StreamsConfig.producerPrefix(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG), AppTag.class.getName());
        config.put(StreamsConfig.producerPrefix(AppTag.CONFIG), app);
        return new KafkaStreams(builder.build(), config);
    }

    private void readDecisions() {
        try (KafkaConsumer<String, GateDecided> consumer = TransactionalTestBroker.committedDecisions(brokers, serdes)) {
            while (reading.get()) {
                for (ConsumerRecord<String, GateDecided> record : consumer.poll(Duration.ofMillis(20))) {
                    Header app = record.headers().lastHeader(AppTag.HEADER);
                    decided.computeIfAbsent(new String(app.value(), StandardCharsets.UTF_8),
                            k -> new CopyOnWriteArrayList<>()).add(record.value());
                }
            }
        }
    }
}
