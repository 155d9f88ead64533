package dev.greenlight.gate.decision.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Test-only breakdown of where a registration waits on its way to a decision
 * ({@link HotTargetIsolationIT}): installed as the stream threads' main-consumer and producer
 * interceptor, it notes per target when its registration came out of the consumer's
 * {@code poll()} (fetched and handed to Kafka Streams) and when the gate sent its first decision
 * (processed and evaluated); the test adds the producer's acknowledgement before and the
 * decision's visibility to a {@code read_committed} consumer after. Static maps, because Kafka
 * instantiates interceptors itself; one test uses them at a time.
 */
public final class DecisionPathProbe {

    static final String RELEASES_TOPIC = dev.greenlight.platform.topics.Topics.RELEASES.name();
    static final String DECISIONS_TOPIC = dev.greenlight.platform.topics.Topics.DECISIONS.name();

    /** Target -> nanoTime its registration was returned by a stream thread's poll. */
    static final Map<String, Long> POLLED = new ConcurrentHashMap<>();
    /** Target -> nanoTime the gate sent its first decision (before the transaction commits). */
    static final Map<String, Long> DECISION_SENT = new ConcurrentHashMap<>();
    /** Records returned by polls, and how many polls returned any, per topic. */
    static final Map<String, AtomicLong> POLLED_RECORDS = new ConcurrentHashMap<>();
    static final AtomicLong POLLS = new AtomicLong();
    /** Stream thread -> nanoTimes of its polls that returned records, to tell a long cycle from a slow fetch. */
    static final Map<String, java.util.Queue<Long>> POLLS_BY_THREAD = new ConcurrentHashMap<>();
    /** Stream thread -> metric samples its polls returned (the hot thread returns the most). */
    static final Map<String, AtomicLong> SAMPLES_BY_THREAD = new ConcurrentHashMap<>();
    static final String METRICS_TOPIC = dev.greenlight.platform.topics.Topics.METRICS.name();

    private DecisionPathProbe() {
    }

    static void reset() {
        POLLED.clear();
        DECISION_SENT.clear();
        POLLED_RECORDS.clear();
        POLLS.set(0);
        POLLS_BY_THREAD.clear();
        SAMPLES_BY_THREAD.clear();
    }

    /** {@code main.consumer.interceptor.classes}. */
    public static final class Polled implements ConsumerInterceptor<byte[], byte[]> {

        @Override
        public ConsumerRecords<byte[], byte[]> onConsume(ConsumerRecords<byte[], byte[]> records) {
            long now = System.nanoTime();
            if (!records.isEmpty()) {
                POLLS.incrementAndGet();
                String thread = Thread.currentThread().getName();
                POLLS_BY_THREAD.computeIfAbsent(thread, ignored -> new java.util.concurrent.ConcurrentLinkedQueue<>())
                        .add(now);
                long samples = 0;
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    samples += record.topic().equals(METRICS_TOPIC) ? 1 : 0;
                }
                SAMPLES_BY_THREAD.computeIfAbsent(thread, ignored -> new AtomicLong()).addAndGet(samples);
            }
            for (ConsumerRecord<byte[], byte[]> record : records) {
                POLLED_RECORDS.computeIfAbsent(record.topic(), ignored -> new AtomicLong()).incrementAndGet();
                if (record.topic().equals(RELEASES_TOPIC) && record.key() != null) {
                    POLLED.putIfAbsent(new String(record.key(), StandardCharsets.UTF_8), now);
                }
            }
            return records;
        }

        @Override
        public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        }

        @Override
        public void close() {
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }
    }

    /** {@code producer.interceptor.classes}. */
    public static final class Sent implements ProducerInterceptor<byte[], byte[]> {

        @Override
        public ProducerRecord<byte[], byte[]> onSend(ProducerRecord<byte[], byte[]> record) {
            if (record.topic().equals(DECISIONS_TOPIC) && record.key() != null) {
                DECISION_SENT.putIfAbsent(new String(record.key(), StandardCharsets.UTF_8), System.nanoTime());
            }
            return record;
        }

        @Override
        public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        }

        @Override
        public void close() {
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }
    }
}
