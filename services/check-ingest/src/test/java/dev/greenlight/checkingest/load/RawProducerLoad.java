package dev.greenlight.checkingest.load;

import dev.greenlight.platform.testing.ThreadCpu;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The ceiling ingest is compared with: one plain idempotent {@code acks=all} producer sending
 * already-serialized records as fast as the broker acknowledges them, with Kafka's default batching.
 * Counts acknowledged records only.
 */
public final class RawProducerLoad {

    private RawProducerLoad() {
    }

    /** Acknowledged records per second, and how many. */
    public record Result(long records, double seconds, int recordBytes, double cpuSeconds) {

        public double recordsPerSecond() {
            return records / seconds;
        }

        @Override
        public String toString() {
            return String.format("%,d records of %d bytes in %.1f s: %,.0f rec/s, %.1f us CPU per record "
                            + "(this JVM, %.2f cores busy)",
                    records, recordBytes, seconds, recordsPerSecond(), records == 0 ? 0 : cpuSeconds * 1e6 / records,
                    cpuSeconds / seconds);
        }
    }

    /**
     * The same producer driven like HTTP clients drive check-ingest: {@code senders} threads, each
     * sending one record and waiting for its acknowledgement before the next. Shows how much of a
     * one-sample request's time is the broker round trip itself.
     */
    public static Result closedLoop(String bootstrapServers, String topic, int senders, Duration duration,
                                    LongFunction<String> key, byte[] record) throws InterruptedException {
        AtomicLong acked = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers, 0, "raw-closed-loop")) {
            long cpuStart = ThreadCpu.processNanos();
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            java.util.List<Thread> threads = new java.util.ArrayList<>();
            for (int i = 0; i < senders; i++) {
                Thread thread = new Thread(() -> {
                    try {
                        while (System.nanoTime() < end) {
                            producer.send(new ProducerRecord<>(topic, key.apply(sequence.getAndIncrement()), record))
                                    .get();
                            acked.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }, "raw-closed-loop-" + i);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (failure.get() != null) {
                throw new IllegalStateException("raw producer failed", failure.get());
            }
            return new Result(acked.get(), seconds, record.length, (ThreadCpu.processNanos() - cpuStart) / 1e9);
        }
    }

    /** The closed loop's producer: idempotent, {@code acks=all}, {@code linger.ms} as given. */
    static KafkaProducer<String, byte[]> producer(String bootstrapServers, int lingerMs, String clientId) {
        Map<String, Object> config = config(bootstrapServers, lingerMs);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static Map<String, Object> config(String bootstrapServers, Integer lingerMs) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        if (lingerMs != null) {
            config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        }
        return config;
    }

    /**
     * @param record the value of the n-th record (its key is {@code key.apply(n)})
     */
    public static Result run(String bootstrapServers, String topic, Duration duration, LongFunction<String> key,
                             byte[] record) {
        return run(bootstrapServers, topic, duration, key, record, Map.of());
    }

    /** As above, with producer settings added to the defaults (e.g. {@code compression.type}). */
    public static Result run(String bootstrapServers, String topic, Duration duration, LongFunction<String> key,
                             byte[] record, Map<String, Object> settings) {
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Map<String, Object> config = config(bootstrapServers, null);
        config.putAll(settings);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            long cpuStart = ThreadCpu.processNanos();
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            long n = 0;
            while (System.nanoTime() < end) {
                producer.send(new ProducerRecord<>(topic, key.apply(n++), record), (metadata, e) -> {
                    if (e == null) {
                        acked.incrementAndGet();
                    } else {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (failure.get() != null) {
                throw new IllegalStateException("raw producer failed", failure.get());
            }
            return new Result(acked.get(), seconds, record.length, (ThreadCpu.processNanos() - cpuStart) / 1e9);
        }
    }
}
