package dev.greenlight.gate.decision.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The gate's main consumer: hands out whatever it has fetched of the low-volume topics before the
 * rest of a fetched batch of metric samples.
 *
 * <p>Why: a consumer returns one partition's fetched batch before the next partition's (up to
 * {@code max.poll.records} per poll, the same batch again on the next poll until it is used up),
 * and Kafka Streams processes everything a poll returned before it polls again. During a burst,
 * a fetched batch of samples is up to {@code max.partition.fetch.bytes} (1 MB: about 16,000
 * samples), or a whole producer batch if that is larger; a registration, check or approval fetched
 * with it or just after it on the same stream thread came out of {@code poll()} only once the
 * samples ahead of it had been processed — seconds, measured ({@code HotTargetIsolationIT}'s
 * breakdown: nearly all of a hot-partition registration's wait was before the poll returned it,
 * and {@link EvidenceAhead}, which orders what Streams has buffered, could not help a record
 * still inside the consumer). So each poll first asks with the sample partitions paused — a
 * consumer skips a paused partition's fetched batch and keeps it for later — and returns what that
 * yields, if anything; the next poll is a plain one, so samples are never starved.
 *
 * <p>Only the order in which topics come out changes; every partition is still read in offset
 * order and positions, commits and transactions are the consumer's as before. Partitions that
 * Kafka Streams paused itself (a full buffer, a restoring task) are left paused.
 */
final class EvidenceFirstConsumer extends KafkaConsumer<byte[], byte[]> {

    private final String bulkTopic;
    /** Partitions Kafka Streams paused during our own look-ahead poll (a rebalance callback may). */
    private final Set<TopicPartition> pausedMeanwhile = new HashSet<>();
    private boolean lookedAhead;

    EvidenceFirstConsumer(Map<String, Object> config, String bulkTopic) {
        super(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.bulkTopic = bulkTopic;
    }

    @Override
    public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
        if (!lookedAhead) {
            Set<TopicPartition> bulk = new HashSet<>();
            Set<TopicPartition> paused = paused();
            for (TopicPartition partition : assignment()) {
                if (partition.topic().equals(bulkTopic) && !paused.contains(partition)) {
                    bulk.add(partition);
                }
            }
            if (!bulk.isEmpty() && bulk.size() < assignment().size()) {
                ConsumerRecords<byte[], byte[]> others;
                pausedMeanwhile.clear();
                super.pause(bulk);
                try {
                    others = super.poll(Duration.ZERO);
                } finally {
                    bulk.retainAll(assignment());
                    bulk.removeAll(pausedMeanwhile);
                    super.resume(bulk);
                }
                if (!others.isEmpty()) {
                    lookedAhead = true;
                    return others;
                }
            }
        }
        lookedAhead = false;
        return super.poll(timeout);
    }

    @Override
    public void pause(Collection<TopicPartition> partitions) {
        pausedMeanwhile.addAll(partitions);
        super.pause(partitions);
    }

    @Override
    public void resume(Collection<TopicPartition> partitions) {
        pausedMeanwhile.removeAll(partitions);
        super.resume(partitions);
    }
}
