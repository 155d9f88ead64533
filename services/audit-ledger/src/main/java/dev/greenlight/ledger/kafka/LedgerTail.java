package dev.greenlight.ledger.kafka;

import dev.greenlight.events.LedgerCheckpoint;
import dev.greenlight.events.LedgerEntry;
import dev.greenlight.ledger.verify.Checkpoint;
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
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Follows the ledger and checkpoint topics, committed records only, from the offsets the on-disk
 * index stored (offset 0 when it has none): what the index is built from and kept current with. No
 * consumer group and no committed offsets on purpose: the offsets live in the index's own store, in
 * the same atomic write as the records, so the index resumes exactly where it stopped and can neither
 * skip nor count a record twice.
 *
 * <p>Calls are serialised (the consumers are single-threaded); each call hands out everything
 * committed before it started, one poll at a time, so a rebuild of millions of records never holds
 * more than one poll on the heap, and a query that catches up first sees its own writes.
 */
public final class LedgerTail implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    /** A ledger record and where it was read. */
    public record Polled(int partition, long offset, LedgerItem item) {
    }

    /** A checkpoint topic record: the checkpoint, or null when the record is not one. */
    public record PolledCheckpoint(long offset, Checkpoint checkpoint) {
    }

    private final Map<String, Object> consumerConfig;
    private final AvroDeserializer<LedgerEntry> entries;
    private final AvroDeserializer<LedgerCheckpoint> checkpoints;
    private KafkaConsumer<byte[], byte[]> ledger;
    private KafkaConsumer<byte[], byte[]> checkpointConsumer;
    private List<TopicPartition> partitions;
    private final TopicPartition checkpointPartition = new TopicPartition(Topics.LEDGER_CHECKPOINTS.name(), 0);

    public LedgerTail(Map<String, Object> baseConsumerConfig, SchemaRegistryClient registry) {
        this.consumerConfig = new HashMap<>(baseConsumerConfig);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumerConfig.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        this.entries = new AvroDeserializer<>(registry, Topics.LEDGER.valueSchema());
        this.checkpoints = new AvroDeserializer<>(registry, Topics.LEDGER_CHECKPOINTS.valueSchema());
    }

    private void open() {
        if (ledger == null) {
            Map<String, Object> config = new HashMap<>(consumerConfig);
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, "audit-ledger-index-" + UUID.randomUUID());
            ledger = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            partitions = IntStream.range(0, Topics.LEDGER.partitions())
                    .mapToObj(p -> new TopicPartition(Topics.LEDGER.name(), p)).toList();
            ledger.assign(partitions);
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, "audit-ledger-index-checkpoints-" + UUID.randomUUID());
            checkpointConsumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            checkpointConsumer.assign(List.of(checkpointPartition));
        }
    }

    /** The read_committed end offsets (last stable offsets) of the ledger partitions: what a reader may see now. */
    public synchronized long[] ledgerEnds() {
        open();
        Map<TopicPartition, Long> end = ledger.endOffsets(partitions);
        return partitions.stream().mapToLong(end::get).toArray();
    }

    /** The read_committed end offset of the checkpoint topic. */
    public synchronized long checkpointEnd() {
        open();
        return checkpointConsumer.endOffsets(List.of(checkpointPartition)).get(checkpointPartition);
    }

    /**
     * Hands the ledger records from {@code from} (per partition) up to {@code until} to {@code sink},
     * one poll at a time, in offset order per partition.
     */
    public synchronized void readLedger(long[] from, long[] until, Consumer<List<Polled>> sink) {
        open();
        for (int p = 0; p < partitions.size(); p++) {
            ledger.seek(partitions.get(p), from[p]);
        }
        while (IntStream.range(0, partitions.size()).anyMatch(p -> ledger.position(partitions.get(p)) < until[p])) {
            List<Polled> polled = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : ledger.poll(POLL)) {
                if (record.offset() < until[record.partition()]) {
                    polled.add(new Polled(record.partition(), record.offset(), LedgerRecords.item(record, entries)));
                } else {
                    ledger.seek(partitions.get(record.partition()), until[record.partition()]);
                }
            }
            if (!polled.isEmpty()) {
                sink.accept(polled);
            }
        }
    }

    /** Hands the checkpoint records from {@code from} up to {@code until} to {@code sink}, one poll at a time. */
    public synchronized void readCheckpoints(long from, long until, Consumer<List<PolledCheckpoint>> sink) {
        open();
        checkpointConsumer.seek(checkpointPartition, from);
        while (checkpointConsumer.position(checkpointPartition) < until) {
            List<PolledCheckpoint> polled = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : checkpointConsumer.poll(POLL)) {
                if (record.offset() >= until) {
                    break;
                }
                Checkpoint checkpoint = null;
                try {
                    checkpoint = LedgerCodec.fromAvro(checkpoints.deserialize(record.topic(), record.value()));
                } catch (SerializationException | NullPointerException e) {
                    // Not a checkpoint: it cannot vouch for anything (the same rule as LedgerTopicReader).
                }
                polled.add(new PolledCheckpoint(record.offset(), checkpoint));
            }
            if (!polled.isEmpty()) {
                sink.accept(polled);
            }
            if (!polled.isEmpty() && polled.get(polled.size() - 1).offset() + 1 >= until) {
                return;
            }
        }
    }

    @Override
    public synchronized void close() {
        if (ledger != null) {
            ledger.close();
            checkpointConsumer.close();
            ledger = null;
            checkpointConsumer = null;
        }
    }
}
