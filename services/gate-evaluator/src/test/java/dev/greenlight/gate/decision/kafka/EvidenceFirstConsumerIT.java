package dev.greenlight.gate.decision.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The gate's main consumer lets a registration out before the rest of a fetched batch of metric
 * samples ({@link EvidenceFirstConsumer}), reads every partition exactly once in offset order, and
 * leaves alone what its caller (Kafka Streams) paused. Through a real broker, because what is
 * tested is how a Kafka consumer buffers fetched batches.
 */
class EvidenceFirstConsumerIT {

    private static final int SAMPLES = 20_000;
    private static final int MAX_POLL_RECORDS = 500;
    private static final TopicPartition METRICS = new TopicPartition(Topics.METRICS.name(), 0);
    private static final TopicPartition RELEASES = new TopicPartition(Topics.RELEASES.name(), 0);

    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void broker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        broker.addTopics(new NewTopic(METRICS.topic(), 1, (short) 1), new NewTopic(RELEASES.topic(), 1, (short) 1));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024, ProducerConfig.LINGER_MS_CONFIG, 5),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < SAMPLES; i++) {
                producer.send(new ProducerRecord<>(METRICS.topic(), 0, null, ("sample-" + i + "-".repeat(60)).getBytes()));
            }
            producer.flush();
        }
    }

    private static void register() {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(RELEASES.topic(), 0, null, "registration".getBytes()));
            producer.flush();
        }
    }

    @AfterAll
    static void stop() {
        broker.destroy();
    }

    @Test
    void aRegistrationComesOutBeforeTheRestOfAFetchedBatchOfSamples_andEverySampleOnceInOrder() {
        try (EvidenceFirstConsumer consumer = consumer()) {
            consumer.assign(List.of(METRICS, RELEASES));
            consumer.seekToEnd(List.of(RELEASES));
            consumer.position(RELEASES);
            List<Long> sampleOffsets = new ArrayList<>();
            while (sampleOffsets.isEmpty()) {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> sampleOffsets.add(record.offset()));
            }
            // The consumer now holds a fetched batch of samples (up to 1 MB) of which it handed out one poll.
            register();
            long registeredAfter = sampleOffsets.size();
            long[] samplesBeforeRegistration = {-1};
            // One poll every 250 ms, as a stream thread that processes what each poll returned: the
            // registration's fetch (a local round trip) arrives within the first poll or two. An idle
            // test polling flat out would drain the fetched batch before the fetch answer is read, and
            // measure the machine's speed instead of the order.
            await().atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                            if (record.topic().equals(RELEASES.topic())) {
                                assertThat(samplesBeforeRegistration[0]).as("the registration comes out once").isNegative();
                                samplesBeforeRegistration[0] = sampleOffsets.size() - registeredAfter;
                            } else {
                                sampleOffsets.add(record.offset());
                            }
                        }
                        return samplesBeforeRegistration[0] >= 0;
                    });
            // A plain consumer hands out the rest of the fetched batch first (about 12,000 samples here,
            // 500 a poll, some 24 polls); this one at most the few polls it took to fetch the registration.
            assertThat(samplesBeforeRegistration[0]).as("samples handed out after the registration was written, before it")
                    .isBetween(0L, 4L * MAX_POLL_RECORDS);
            await().atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> sampleOffsets.add(record.offset()));
                return sampleOffsets.size() >= SAMPLES;
            });
            assertThat(sampleOffsets).as("every sample once, in offset order").hasSize(SAMPLES)
                    .isEqualTo(java.util.stream.LongStream.range(0, SAMPLES).boxed().toList());
        }
    }

    @Test
    void whatTheCallerPausedStaysPaused() {
        try (EvidenceFirstConsumer consumer = consumer()) {
            consumer.assign(List.of(METRICS, RELEASES));
            consumer.pause(List.of(METRICS));
            register();
            List<String> topics = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                consumer.poll(Duration.ofMillis(50)).forEach(record -> topics.add(record.topic()));
            }
            assertThat(topics).isNotEmpty().containsOnly(RELEASES.topic());
            assertThat(consumer.paused()).containsExactly(METRICS);
            consumer.resume(List.of(METRICS));
            await().atMost(Duration.ofMinutes(1)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> topics.add(record.topic()));
                return topics.contains(METRICS.topic());
            });
            assertThat(topics).as("resumed by the caller, samples flow").contains(METRICS.topic());
        }
    }

    private static EvidenceFirstConsumer consumer() {
        return new EvidenceFirstConsumer(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS), METRICS.topic());
    }
}
