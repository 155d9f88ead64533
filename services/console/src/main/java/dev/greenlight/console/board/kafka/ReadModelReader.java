package dev.greenlight.console.board.kafka;

import dev.greenlight.console.board.application.ConsoleFeed;
import dev.greenlight.platform.kafka.TopicFollower;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the console's read model ({@code Topics.CONSOLE_BOARD}) whole, from the beginning, into the
 * instance's projection: compacted to one record per release and per target, it is what every
 * instance serves its board from, so start-up reads the releases in flight, not the history. Also
 * tells the partitioned projector when it has read up to given offsets, so a projector taking over a
 * partition folds on from the state the previous owner wrote.
 */
final class ReadModelReader {

    private static final Logger log = LoggerFactory.getLogger(ReadModelReader.class);

    private final TopicFollower<byte[]> follower;
    private final Map<TopicPartition, Long> next = new HashMap<>();
    private final ReadProgress progress;

    ReadModelReader(Map<String, Object> clientConfig, ConsoleFeed feed, ReadProgress progress) {
        this.progress = progress;
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "greenlight-console-read-model");
        this.follower = new TopicFollower<>("console-read-model", Topics.CONSOLE_BOARD,
                () -> new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()),
                record -> {
                    try {
                        feed.accept(ReadModelCodec.decode(record.key(), record.value()));
                    } catch (RuntimeException e) {
                        log.warn("skipping read-model record {} at {}-{}@{}: {}", record.key(), record.topic(),
                                record.partition(), record.offset(), e.getMessage());
                    }
                    progress.read(record.topic(), record.partition(), record.offset());
                    reached(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                }, () -> { });
    }

    private synchronized void reached(TopicPartition partition, long offset) {
        next.merge(partition, offset, Math::max);
        notifyAll();
    }

    /** Waits until every partition was read up to {@code ends} (exclusive); whether it was within {@code timeout}. */
    synchronized boolean awaitReached(Map<TopicPartition, Long> ends, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!reachedAll(ends)) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    private boolean reachedAll(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> e.getValue() == 0 || next.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    TopicFollower<byte[]> follower() {
        return follower;
    }
}
