package dev.greenlight.cli.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The broker's own speed on this machine, measured in the same run as everything compared with
 * it: a raw producer configured like Greenlight's (idempotent, {@code acks=all}), a raw
 * {@code read_committed} consumer, and the produce-to-visible latency of single records. They run
 * on a scratch topic the benchmark creates and deletes, with the partition count of the catalogue
 * topics and records of the size check-ingest writes.
 */
final class KafkaCeilings {

    /** Not a Greenlight topic (those live in {@code Topics}): the benchmark's scratch space, deleted afterwards. */
    static final String SCRATCH_TOPIC = "greenlight-bench.raw-ceiling";

    private static final int PARTITIONS = 3;

    /**
     * @param producerPerSecond records/s of the raw producer
     * @param consumerPerSecond records/s of the raw consumer
     * @param latency           produce → visible to a read_committed consumer, one record at a time
     */
    record Result(double producerPerSecond, double consumerPerSecond, Latencies latency) {
    }

    private final Map<String, Object> superUser;

    KafkaCeilings(Map<String, Object> superUser) {
        this.superUser = superUser;
    }

    Result measure(RecordShape shape, int records, int pings) throws Exception {
        try (Admin admin = Admin.create(superUser)) {
            admin.createTopics(List.of(new NewTopic(SCRATCH_TOPIC, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try {
                double produced = produce(shape, records);
                double consumed = consume(records);
                Latencies latency = pings(shape, pings);
                return new Result(produced, consumed, latency);
            } finally {
                admin.deleteTopics(List.of(SCRATCH_TOPIC)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> config = new java.util.HashMap<>(superUser);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new java.util.HashMap<>(superUser);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            partitions.add(new TopicPartition(SCRATCH_TOPIC, p));
        }
        return partitions;
    }

    /** Distinct keys of the shape's size, as many targets would have; values are random bytes (Avro does not compress). */
    private static List<byte[]> keys(RecordShape shape) {
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            byte[] key = new byte[shape.keyBytes()];
            java.util.Arrays.fill(key, (byte) 'k');
            byte[] digits = Integer.toString(i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            System.arraycopy(digits, 0, key, Math.max(0, key.length - digits.length), Math.min(digits.length, key.length));
            keys.add(key);
        }
        return keys;
    }

    private double produce(RecordShape shape, int records) throws Exception {
        List<byte[]> keys = keys(shape);
        byte[] value = new byte[shape.valueBytes()];
        new Random(42).nextBytes(value);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            // Warm-up: metadata, connections, the idempotent producer id.
            producer.send(new ProducerRecord<>(SCRATCH_TOPIC, keys.get(0), value)).get(30, TimeUnit.SECONDS);
            long start = System.nanoTime();
            for (int i = 1; i < records; i++) {
                producer.send(new ProducerRecord<>(SCRATCH_TOPIC, keys.get(i % keys.size()), value));
            }
            producer.flush();
            return (records - 1) / seconds(start);
        }
    }

    private double consume(int records) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.assign(partitions());
            consumer.seekToBeginning(partitions());
            long start = System.nanoTime();
            long deadline = start + TimeUnit.MINUTES.toNanos(5);
            int seen = 0;
            while (seen < records && System.nanoTime() < deadline) {
                seen += consumer.poll(Duration.ofMillis(200)).count();
            }
            if (seen < records) {
                throw new IllegalStateException("raw consumer read " + seen + " of " + records + " records in 5 minutes");
            }
            return seen / seconds(start);
        }
    }

    /** One record at a time: sent, then polled until the consumer sees it. */
    private Latencies pings(RecordShape shape, int pings) throws ExecutionException, InterruptedException, TimeoutException {
        byte[] value = new byte[shape.valueBytes()];
        byte[] key = keys(shape).get(1);
        try (KafkaProducer<byte[], byte[]> producer = producer(); KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.assign(partitions());
            consumer.seekToEnd(partitions());
            partitions().forEach(consumer::position); // resolve the end now, not after the first send
            long[] nanos = new long[pings];
            for (int i = 0; i < pings; i++) {
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>(SCRATCH_TOPIC, key, value)).get(30, TimeUnit.SECONDS);
                boolean seen = false;
                long deadline = start + TimeUnit.SECONDS.toNanos(30);
                while (!seen && System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> ignored : consumer.poll(Duration.ofMillis(1))) {
                        seen = true;
                    }
                }
                if (!seen) {
                    throw new IllegalStateException("a produced record was not visible within 30 s");
                }
                nanos[i] = System.nanoTime() - start;
            }
            return Latencies.of(nanos);
        }
    }

    private static double seconds(long startNanos) {
        return Math.max(System.nanoTime() - startNanos, 1) / 1e9;
    }
}
