package dev.greenlight.integrations.notifications.kafka;

import dev.greenlight.events.GateDecided;
import dev.greenlight.platform.kafka.TopicFollower;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * The decisions a committed consumer group already handled, read again when it is assigned its
 * partitions: from the beginning of each decisions partition up to the group's position (its
 * committed offset). Feeding them to the group's {@code DecisionChanges} restores "the last verdict
 * per release stage" exactly as it was before a restart or rebalance, so the first decision after a
 * restart is a change only if it really differs — a stage's latest verdict is not announced (nor its
 * commit status posted) once more. The dedupe state is thus persisted by the committed offsets and
 * the decisions topic itself, with nothing else to keep. Reads with its own group-less consumer,
 * like the views ({@link TopicFollower}).
 */
@Component
public class DecisionHistory {

    private static final Logger log = LoggerFactory.getLogger(DecisionHistory.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final Supplier<org.apache.kafka.clients.consumer.Consumer<String, GateDecided>> consumers;

    DecisionHistory(KafkaProperties kafka, SchemaRegistryClient registry) {
        this.consumers = TopicFollower.consumers(kafka.buildConsumerProperties(), "integrations-decision-history",
                Topics.DECISIONS, registry);
    }

    /**
     * Hands every decision before {@code positions} (of the decisions partitions among them, in offset
     * order per partition) to {@code apply}. Bounded: after two minutes it logs and returns with what it
     * read (at worst a stage's latest verdict is announced again, as before this existed).
     */
    public void replayBefore(Map<TopicPartition, Long> positions, Consumer<GateDecided> apply) {
        Map<TopicPartition, Long> wanted = new HashMap<>();
        positions.forEach((partition, position) -> {
            if (partition.topic().equals(Topics.DECISIONS.name()) && position != null && position > 0) {
                wanted.put(partition, position);
            }
        });
        if (wanted.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int replayed = 0;
        try (var consumer = consumers.get()) {
            consumer.assign(wanted.keySet());
            consumer.seekToBeginning(wanted.keySet());
            while (wanted.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    log.warn("decision history not read to the committed offsets {} within {}; a stage's latest "
                            + "verdict may be announced again", wanted, PATIENCE);
                    return;
                }
                for (ConsumerRecord<String, GateDecided> record : consumer.poll(POLL)) {
                    Long end = wanted.get(new TopicPartition(record.topic(), record.partition()));
                    if (end != null && record.offset() < end && record.value() != null) {
                        apply.accept(record.value());
                        replayed++;
                    }
                }
            }
        } catch (KafkaException e) {
            log.warn("decision history not read ({}); a stage's latest verdict may be announced again", e.getMessage());
            return;
        }
        log.info("replayed {} decisions up to the committed offsets {}", replayed, wanted);
    }
}
