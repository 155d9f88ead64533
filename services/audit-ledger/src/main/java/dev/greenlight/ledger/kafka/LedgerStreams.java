package dev.greenlight.ledger.kafka;

import dev.greenlight.events.LedgerCheckpoint;
import dev.greenlight.events.LedgerEntry;
import dev.greenlight.ledger.verify.ItemCursor;
import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.LedgerItem;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.serde.AvroDeserializer;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the ledger and checkpoint topics as they are now (committed records only, up to the end
 * offsets at {@link #open}), one record at a time: a cursor per ledger partition and one over the
 * checkpoints, each with its own consumer and a small fetch size, so whole-ledger operations (verify,
 * export) hold a few hundred records per partition at most, whatever the ledger's length. The same
 * decoding rule as every other reader ({@link LedgerRecords}).
 */
public final class LedgerStreams {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> consumerConfig;
    private final AvroDeserializer<LedgerEntry> entries;
    private final AvroDeserializer<LedgerCheckpoint> checkpoints;

    public LedgerStreams(Map<String, Object> baseConsumerConfig, SchemaRegistryClient registry) {
        this.consumerConfig = new HashMap<>(baseConsumerConfig);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        consumerConfig.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 1 << 20);
        consumerConfig.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1 << 20);
        this.entries = new AvroDeserializer<>(registry, Topics.LEDGER.valueSchema());
        this.checkpoints = new AvroDeserializer<>(registry, Topics.LEDGER_CHECKPOINTS.valueSchema());
    }

    /** Cursors over the topics as committed now; close it to release the consumers. */
    public Ledger open() {
        long[] beginning = new long[Topics.LEDGER.partitions()];
        java.util.Arrays.fill(beginning, -1);
        return new Ledger(beginning, -1);
    }

    /**
     * Cursors from the given offsets on (up to the end offsets now): {@code partitionStarts} per ledger
     * partition, {@code checkpointStart} in the checkpoint topic; -1 for the beginning. What the writer
     * resumes from, instead of the beginning ({@link dev.greenlight.ledger.domain.ResumePoint}).
     */
    Ledger openFrom(long[] partitionStarts, long checkpointStart) {
        return new Ledger(partitionStarts, checkpointStart);
    }

    /** One read of the ledger: a cursor per partition and one over the checkpoints. */
    public final class Ledger implements AutoCloseable {

        private final List<Cursor<LedgerItem>> partitions = new ArrayList<>();
        private final Cursor<Checkpoint> checkpointCursor;

        private Ledger(long[] partitionStarts, long checkpointStart) {
            for (int p = 0; p < Topics.LEDGER.partitions(); p++) {
                partitions.add(new Cursor<>(new TopicPartition(Topics.LEDGER.name(), p), partitionStarts[p],
                        record -> LedgerRecords.item(record, entries)));
            }
            checkpointCursor = new Cursor<>(new TopicPartition(Topics.LEDGER_CHECKPOINTS.name(), 0), checkpointStart, record -> {
                try {
                    return LedgerCodec.fromAvro(checkpoints.deserialize(record.topic(), record.value()));
                } catch (SerializationException | NullPointerException e) {
                    return null; // not a checkpoint: it cannot vouch for anything, so it is skipped
                }
            });
        }

        public List<? extends ItemCursor<LedgerItem>> partitions() {
            return Collections.unmodifiableList(partitions);
        }

        public ItemCursor<Checkpoint> checkpoints() {
            return checkpointCursor;
        }

        /** The offset of the checkpoint record {@link #checkpoints()} returned last; -1 before the first. */
        long lastCheckpointOffset() {
            return checkpointCursor.lastOffset;
        }

        @Override
        public void close() {
            partitions.forEach(Cursor::close);
            checkpointCursor.close();
        }
    }

    /** One partition read up to its end offset at open; records that decode to null are skipped. */
    private final class Cursor<T> implements ItemCursor<T>, AutoCloseable {

        private final KafkaConsumer<byte[], byte[]> consumer;
        private final TopicPartition partition;
        private final long end;
        private final Function<ConsumerRecord<byte[], byte[]>, T> decode;
        private Iterator<ConsumerRecord<byte[], byte[]>> buffer = Collections.emptyIterator();
        private T next;
        private long nextOffset = -1;
        private long lastOffset = -1;

        /** @param start the first offset to read, -1 for the beginning */
        Cursor(TopicPartition partition, long start, Function<ConsumerRecord<byte[], byte[]>, T> decode) {
            Map<String, Object> config = new HashMap<>(consumerConfig);
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, "audit-ledger-stream-" + UUID.randomUUID());
            this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            this.partition = partition;
            this.decode = decode;
            consumer.assign(List.of(partition));
            if (start < 0) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, start);
            }
            this.end = consumer.endOffsets(List.of(partition)).get(partition);
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                while (!buffer.hasNext()) {
                    if (consumer.position(partition) >= end) {
                        return false;
                    }
                    buffer = consumer.poll(POLL).records(partition).iterator();
                }
                ConsumerRecord<byte[], byte[]> record = buffer.next();
                if (record.offset() >= end) {
                    buffer = Collections.emptyIterator();
                    consumer.seek(partition, end);
                    return false;
                }
                next = decode.apply(record);
                nextOffset = record.offset();
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            T item = next;
            next = null;
            lastOffset = nextOffset;
            return item;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
