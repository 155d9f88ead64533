package dev.greenlight.gate.decision.kafka;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.springframework.util.FileSystemUtils;

/**
 * The ceiling of an evidence-to-decision latency, measured in the same run as the gate: a Kafka
 * Streams application with the gate's shipped settings (exactly-once, the same commit interval, poll
 * and threads) that copies each record of one scratch topic to another and does nothing else, in the
 * same JVM and on the same broker. What a record takes from its producer's acknowledgement until its
 * copy is visible to a {@code read_committed} consumer is the floor under any exactly-once decision on
 * this machine at that moment, so the gate's latency can be shown as a ratio to it rather than as an
 * absolute figure the machine alone may decide. Not Greenlight topics (those live in {@code Topics}):
 * the test's scratch space, on a broker that ends with the test.
 */
final class EchoCeiling implements AutoCloseable {

    private static final String IN = "echo-ceiling-in";
    private static final String OUT = "echo-ceiling-out";
    private static final int PARTITIONS = 3;
    /** About a registration's size: the copy is a record of the same order as a release and its decision. */
    private static final byte[] PAYLOAD = new byte[256];

    private final KafkaStreams streams;
    private final KafkaProducer<String, byte[]> producer;
    private final Thread reader;
    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final Path stateDir;
    private final Map<String, Long> ackedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> visibleAt = new ConcurrentHashMap<>();

    private EchoCeiling(KafkaStreams streams, KafkaProducer<String, byte[]> producer, String brokers, Path stateDir) {
        this.streams = streams;
        this.producer = producer;
        this.stateDir = stateDir;
        this.reader = new Thread(() -> read(brokers), "echo-ceiling-reader");
    }

    /**
     * Creates the scratch topics and starts the copying application with {@code shipped} (the gate's
     * Streams settings, without test probes) and its reader; returns once the application runs.
     */
    static EchoCeiling start(String brokers, Properties shipped) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            admin.createTopics(List.of(new NewTopic(IN, PARTITIONS, (short) 1), new NewTopic(OUT, PARTITIONS, (short) 1)))
                    .all().get();
        }
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(IN, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .to(OUT, Produced.with(Serdes.String(), Serdes.ByteArray()));
        Properties config = new Properties();
        config.putAll(shipped);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "echo-ceiling");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        Path stateDir = Files.createTempDirectory("echo-ceiling");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        KafkaStreams streams = new KafkaStreams(builder.build(), config);
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        EchoCeiling ceiling = new EchoCeiling(streams,
                new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer()), brokers, stateDir);
        ceiling.reader.start();
        streams.start();
        await().atMost(Duration.ofMinutes(2))
                .until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return ceiling;
    }

    /** Sends one record under {@code id} (distinct per call), timing it from the broker's acknowledgement. */
    void send(String id) {
        producer.send(new ProducerRecord<>(IN, id, PAYLOAD), (metadata, error) -> {
            if (error == null) {
                ackedAt.put(id, System.nanoTime());
            }
        });
    }

    /** Whether every record acknowledged so far has its copy visible. */
    boolean allVisible() {
        return visibleAt.keySet().containsAll(ackedAt.keySet());
    }

    /**
     * Acknowledgement to visible copy, in nanoseconds and sorted, of the records acknowledged at a
     * {@link System#nanoTime()} {@code ackedWhen} accepts.
     */
    long[] latencies(LongPredicate ackedWhen) {
        return ackedAt.entrySet().stream().filter(e -> ackedWhen.test(e.getValue()))
                .filter(e -> visibleAt.containsKey(e.getKey()))
                .mapToLong(e -> visibleAt.get(e.getKey()) - e.getValue()).sorted().toArray();
    }

    private void read(String brokers) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(TransactionalTestBroker.readCommitted(brokers),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(OUT, p)).toList());
            while (reading.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    visibleAt.putIfAbsent(record.key(), System.nanoTime());
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        producer.close();
        // Closed for certain before its directory goes (a close that timed out would still be writing there).
        await().atMost(Duration.ofMinutes(2)).until(() -> streams.close(Duration.ofSeconds(30)));
        reading.set(false);
        reader.join();
        FileSystemUtils.deleteRecursively(stateDir.toFile());
    }

    /** Nearest-rank p50 / p99 of sorted nanoseconds, in milliseconds, or "none". */
    static String percentiles(long[] sorted) {
        if (sorted.length == 0) {
            return "none";
        }
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d", sorted[(sorted.length - 1) / 2] / 1e6,
                p99(sorted) / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    /** Nearest-rank p99 of sorted values. */
    static long p99(long[] sorted) {
        return sorted[(int) Math.ceil(sorted.length * 0.99) - 1];
    }
}
