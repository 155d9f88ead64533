package dev.greenlight.gate.decision.kafka;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Lets evidence other than metric samples overtake a backlog of samples. Kafka Streams hands a
 * task the buffered record with the lowest timestamp first, across all its input partitions; so a
 * check, approval or registration produced while a million samples of a hot target wait on the
 * same metrics partition would be processed only after every sample produced before it. This
 * extractor, on every source but the metrics topic, reads each record as if it had been produced
 * {@code ahead} earlier: it is taken before any sample produced less than {@code ahead} before it,
 * i.e. it overtakes up to {@code ahead} worth of sample backlog and otherwise keeps its order.
 *
 * <p>Nothing about a decision depends on it: the gate evaluates at the injected clock's instant,
 * decisions cite exactly what they counted (series citations name how far the samples had been
 * read), and topics were never ordered with respect to each other. The timestamps only choose
 * which buffered record goes first; output records carry the evaluation instant, not these.
 */
final class EvidenceAhead implements TimestampExtractor {

    private final long aheadMillis;

    EvidenceAhead(Duration ahead) {
        this.aheadMillis = ahead.toMillis();
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        long timestamp = record.timestamp();
        // A record without a timestamp (-1) keeps the task's stream time, as Streams' default does.
        return timestamp < 0 ? Math.max(partitionTime, 0) : Math.max(0, timestamp - aheadMillis);
    }
}
