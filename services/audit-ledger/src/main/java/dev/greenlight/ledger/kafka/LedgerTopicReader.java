package dev.greenlight.ledger.kafka;

import dev.greenlight.events.LedgerCheckpoint;
import dev.greenlight.events.LedgerEntry;
import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.LedgerItem;
import dev.greenlight.ledger.domain.LedgerSnapshot;
import dev.greenlight.ledger.verify.ItemCursor;
import dev.greenlight.ledger.domain.LedgerState;
import dev.greenlight.ledger.domain.ResumePoint;
import dev.greenlight.ledger.verify.EntryEncoding;
import dev.greenlight.ledger.verify.PartitionHead;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.serde.AvroDeserializer;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the whole ledger and checkpoint topics, committed records only, as raw bytes: a record that
 * does not decode as a {@code LedgerEntry} is kept as a {@link LedgerItem.Foreign} so verification can
 * point at it instead of the read failing.
 *
 * <p>{@link #get} reads from the beginning each time and holds everything read (tests and tools); the
 * writer restores its chain heads and tree at start through {@link #restoreState}, which streams. The
 * auditor API does not use it: verify and the full export stream the
 * topics ({@link LedgerStreams}); queries, replay, evidence, extracts, proofs and metrics use the
 * on-disk index ({@link LedgerTail}, {@code dev.greenlight.ledger.index}).
 */
public final class LedgerTopicReader implements Supplier<LedgerSnapshot> {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> consumerConfig;
    private final AvroDeserializer<LedgerEntry> entries;
    private final AvroDeserializer<LedgerCheckpoint> checkpoints;
    private final LedgerStreams streams;

    public LedgerTopicReader(Map<String, Object> baseConsumerConfig, SchemaRegistryClient registry) {
        this.consumerConfig = new HashMap<>(baseConsumerConfig);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.entries = new AvroDeserializer<>(registry, Topics.LEDGER.valueSchema());
        this.checkpoints = new AvroDeserializer<>(registry, Topics.LEDGER_CHECKPOINTS.valueSchema());
        this.streams = new LedgerStreams(baseConsumerConfig, registry);
    }

    /**
     * The writer's state after everything committed now, read record by record ({@link LedgerStreams},
     * {@link LedgerState#restore(List, dev.greenlight.ledger.verify.ItemCursor, Consumer)}): what the
     * writer resumes from without holding the ledger, whatever its length.
     */
    public LedgerState restoreState(Consumer<String> skipped) {
        try (LedgerStreams.Ledger ledger = streams.open()) {
            return LedgerState.restore(ledger.partitions(), ledger.checkpoints(), skipped);
        }
    }

    /**
     * As above, building only on the checkpoints {@code trusted} lets through (the writer: signed by the
     * ledger key, {@link TrustedCheckpoints}) that fit the chain; a misfit goes to {@code inconsistent}.
     */
    LedgerState restoreState(Consumer<String> skipped, java.util.function.UnaryOperator<ItemCursor<Checkpoint>> trusted,
            Consumer<Checkpoint> inconsistent) {
        try (LedgerStreams.Ledger ledger = streams.open()) {
            return LedgerState.restore(ledger.partitions(), trusted.apply(ledger.checkpoints()), skipped, inconsistent);
        }
    }

    /**
     * The writer's state from {@code point} on, reading only what was committed after the checkpoint it
     * names ({@link LedgerState#resume}); empty, with the reason, when the point does not check out: the
     * record at its checkpoint offset must be a checkpoint {@code trusted} lets through that
     * {@link ResumePoint#matches} it, and the record at each head offset the entry that checkpoint names as
     * the head (same partition, sequence and hash, its hash recomputed). Then the caller restores from the
     * beginning.
     */
    Optional<LedgerState> resumeState(ResumePoint point, Consumer<String> skipped,
            java.util.function.UnaryOperator<ItemCursor<Checkpoint>> trusted, Consumer<Checkpoint> inconsistent,
            Consumer<String> refused) {
        try (LedgerStreams.Ledger ledger = streams.openFrom(point.headOffsets(), point.checkpointOffset())) {
            ItemCursor<Checkpoint> checkpoints = ledger.checkpoints();
            Checkpoint named = checkpoints.hasNext() ? checkpoints.next() : null;
            if (named == null || ledger.lastCheckpointOffset() != point.checkpointOffset()) {
                refused.accept("no checkpoint at offset " + point.checkpointOffset());
                return Optional.empty();
            }
            if (!trusted.apply(ItemCursor.of(List.of(named))).hasNext() || !point.matches(named)) {
                refused.accept("the checkpoint at offset " + point.checkpointOffset()
                        + " is not signed by the ledger key or does not match the resume point");
                return Optional.empty();
            }
            for (PartitionHead head : point.heads()) {
                long offset = point.headOffset(head.partition());
                if (head.sequence() < 0 && offset < 0) {
                    continue; // an empty chain: its records are read from the beginning
                }
                ItemCursor<LedgerItem> records = ledger.partitions().get(head.partition());
                LedgerItem item = records.hasNext() ? records.next() : null;
                if (!(item instanceof LedgerItem.Recorded recorded) || LedgerRecords.offset(item.location()) != offset
                        || recorded.entry().ledgerPartition() != head.partition()
                        || recorded.entry().sequence() != head.sequence()
                        || !Arrays.equals(recorded.entry().entryHash(), head.hash())
                        || !Arrays.equals(EntryEncoding.hash(recorded.entry()), head.hash())) {
                    refused.accept("the record at offset " + offset + " of ledger partition " + head.partition()
                            + " is not the head entry the checkpoint names");
                    return Optional.empty();
                }
            }
            return Optional.of(LedgerState.resume(point, ledger.partitions(), trusted.apply(checkpoints), skipped,
                    inconsistent));
        }
    }

    @Override
    public LedgerSnapshot get() {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "audit-ledger-reader-" + UUID.randomUUID());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<List<LedgerItem>> partitions = new ArrayList<>();
            for (int p = 0; p < Topics.LEDGER.partitions(); p++) {
                partitions.add(new ArrayList<>());
            }
            for (ConsumerRecord<byte[], byte[]> record : readAll(consumer, Topics.LEDGER.name(), Topics.LEDGER.partitions())) {
                partitions.get(record.partition()).add(LedgerRecords.item(record, entries));
            }
            List<Checkpoint> signed = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : readAll(consumer, Topics.LEDGER_CHECKPOINTS.name(),
                    Topics.LEDGER_CHECKPOINTS.partitions())) {
                try {
                    signed.add(LedgerCodec.fromAvro(checkpoints.deserialize(record.topic(), record.value())));
                } catch (SerializationException | NullPointerException e) {
                    // Not a checkpoint: it cannot vouch for anything, so it is ignored rather than trusted.
                }
            }
            return new LedgerSnapshot(partitions, signed);
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(KafkaConsumer<byte[], byte[]> consumer, String topic,
            int partitionCount) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < partitionCount; p++) {
            partitions.add(new TopicPartition(topic, p));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            consumer.poll(POLL).forEach(records::add);
        }
        return records;
    }
}
