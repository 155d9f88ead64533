package dev.greenlight.ledger.kafka;

import dev.greenlight.events.LedgerEntry;
import dev.greenlight.ledger.verify.LedgerItem;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.serde.AvroDeserializer;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Follows the ledger topic from its beginning, committed records only, handing out each record once:
 * what the in-memory index is built from at start and kept current with afterwards. No consumer
 * group and no committed offsets on purpose: the index lives in memory, so every process must read
 * the ledger from offset 0, which is also what makes a restart unable to count anything twice.
 *
 * <p>Calls are serialised (the consumer is single-threaded); each call returns everything committed
 * before it started, so a query that catches up first sees its own writes.
 */
public final class LedgerTail implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final Map<String, Object> consumerConfig;
    private final AvroDeserializer<LedgerEntry> entries;
    private KafkaConsumer<byte[], byte[]> consumer;
    private List<TopicPartition> partitions;

    public LedgerTail(Map<String, Object> baseConsumerConfig, SchemaRegistryClient registry) {
        this.consumerConfig = new HashMap<>(baseConsumerConfig);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "audit-ledger-index-" + UUID.randomUUID());
        this.entries = new AvroDeserializer<>(registry, Topics.LEDGER.valueSchema());
    }

    /** The ledger records committed since the previous call (all of them on the first call), in partition order. */
    public synchronized List<LedgerItem> readNew() {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            partitions = IntStream.range(0, Topics.LEDGER.partitions())
                    .mapToObj(p -> new TopicPartition(Topics.LEDGER.name(), p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        // read_committed end offsets are the last stable offsets: exactly what a reader may see now.
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> start = new HashMap<>();
        partitions.forEach(p -> start.put(p, consumer.position(p)));
        List<LedgerItem> items = new ArrayList<>();
        try {
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    items.add(LedgerRecords.item(record, entries));
                }
            }
        } catch (RegistryUnavailableException e) {
            // Nothing of this call is handed out, so the next call must read all of it again.
            start.forEach(consumer::seek);
            throw e;
        }
        return items;
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close();
            consumer = null;
        }
    }
}
