package dev.greenlight.ledger.kafka;

import dev.greenlight.ledger.verify.ItemCursor;
import dev.greenlight.ledger.domain.LedgerSnapshot;
import dev.greenlight.ledger.verify.LedgerItem;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.Failure;
import dev.greenlight.platform.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Whether the ledger accounts for every record of every source topic: the chain proves no entry
 * was removed, this proves no source record was left out. For each source partition it reads the
 * records actually there (committed ones, from the log start offset: retention may have removed
 * older ones, and transaction markers occupy offsets without being records, so offsets are never
 * counted, only compared) and walks them in offset order against the offsets the entries name.
 *
 * <p>Only records before the writer's committed position are due: the writer commits that position
 * in the same transaction as the entries, so anything at or after it is <i>pending</i>, not
 * missing. The positions are read first ({@link #positions()}), the ledger after, so an entry
 * committed in between can only make the check pass, never fail falsely.
 */
public final class SourceCompleteness {

    /** How many missing source records a failure names. */
    static final int NAMED = 5;

    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> consumerConfig;

    public SourceCompleteness(Map<String, Object> baseConsumerConfig) {
        this.consumerConfig = new HashMap<>(baseConsumerConfig);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        consumerConfig.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    }

    /**
     * The writer's committed position per source partition (partitions it never committed are absent:
     * all their records are pending). Read this before the ledger snapshot it is checked against.
     */
    public Map<TopicPartition, Long> positions() {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, LedgerKafkaConfiguration.GROUP_ID);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "audit-ledger-completeness-" + UUID.randomUUID());
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(config)) {
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(sourcePartitions(consumer)));
            Map<TopicPartition, Long> positions = new HashMap<>();
            committed.forEach((partition, offset) -> {
                if (offset != null) {
                    positions.put(partition, offset.offset());
                }
            });
            return positions;
        }
    }

    /**
     * The first gap, if any: a source record before the writer's position with no entry naming its
     * topic, partition and offset. The failure counts all of them and names the first few.
     */
    public Optional<Failure> check(LedgerSnapshot ledger, Map<TopicPartition, Long> positions) {
        return check(recordedOffsets(ledger), positions);
    }

    /**
     * As above, reading the ledger from cursors: the offsets are kept as primitive longs (8 bytes per
     * entry while the check runs), not the entries.
     */
    public Optional<Failure> check(List<? extends ItemCursor<LedgerItem>> ledger, Map<TopicPartition, Long> positions) {
        Map<TopicPartition, long[]> lists = new HashMap<>();
        Map<TopicPartition, Integer> sizes = new HashMap<>();
        for (ItemCursor<LedgerItem> partition : ledger) {
            while (partition.hasNext()) {
                if (partition.next() instanceof LedgerItem.Recorded recorded) {
                    Entry entry = recorded.entry();
                    TopicPartition source = new TopicPartition(entry.sourceTopic(), entry.sourcePartition());
                    int size = sizes.getOrDefault(source, 0);
                    long[] array = lists.computeIfAbsent(source, p -> new long[1024]);
                    if (size == array.length) {
                        array = Arrays.copyOf(array, size * 2);
                        lists.put(source, array);
                    }
                    array[size] = entry.sourceOffset();
                    sizes.put(source, size + 1);
                }
            }
        }
        Map<TopicPartition, long[]> sorted = new HashMap<>();
        lists.forEach((source, array) -> {
            long[] exact = Arrays.copyOf(array, sizes.get(source));
            Arrays.sort(exact);
            sorted.put(source, exact);
        });
        return check(sorted, positions);
    }

    private Optional<Failure> check(Map<TopicPartition, long[]> recorded, Map<TopicPartition, Long> positions) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "audit-ledger-completeness-" + UUID.randomUUID());
        long missing = 0;
        List<String> named = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(config)) {
            for (TopicPartition partition : sourcePartitions(consumer)) {
                Long position = positions.get(partition);
                if (position == null) {
                    continue;
                }
                long[] offsets = recorded.getOrDefault(partition, new long[0]);
                int next = 0;
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                long end = Math.min(position, consumer.endOffsets(List.of(partition)).get(partition));
                while (consumer.position(partition) < end) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                        if (record.offset() >= end) {
                            break;
                        }
                        while (next < offsets.length && offsets[next] < record.offset()) {
                            next++;
                        }
                        if (next < offsets.length && offsets[next] == record.offset()) {
                            continue;
                        }
                        missing++;
                        if (named.size() < NAMED) {
                            named.add(partition.topic() + "-" + partition.partition() + "@" + record.offset());
                        }
                    }
                }
            }
        }
        if (missing == 0) {
            return Optional.empty();
        }
        return Optional.of(new Failure(Failure.Reason.SOURCE_OFFSET_UNRECORDED, -1, -1, named.get(0),
                missing + " source record(s) before the writer's committed position have no ledger entry, e.g. "
                        + String.join(", ", named)));
    }

    /** Per source partition, the offsets the ledger's entries name, ascending. */
    private static Map<TopicPartition, long[]> recordedOffsets(LedgerSnapshot ledger) {
        Map<TopicPartition, List<Long>> lists = new HashMap<>();
        for (Entry entry : ledger.allEntries()) {
            lists.computeIfAbsent(new TopicPartition(entry.sourceTopic(), entry.sourcePartition()),
                    p -> new ArrayList<>()).add(entry.sourceOffset());
        }
        Map<TopicPartition, long[]> sorted = new HashMap<>();
        lists.forEach((partition, offsets) -> {
            long[] array = offsets.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(array);
            sorted.put(partition, array);
        });
        return sorted;
    }

    private static List<TopicPartition> sourcePartitions(KafkaConsumer<byte[], byte[]> consumer) {
        Map<String, List<PartitionInfo>> existing = new LinkedHashMap<>();
        for (Topic<?> topic : SourceTopics.all()) {
            existing.put(topic.name(), consumer.partitionsFor(topic.name()));
        }
        List<TopicPartition> partitions = new ArrayList<>();
        existing.forEach((topic, infos) -> {
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
        });
        partitions.sort((a, b) -> a.topic().equals(b.topic()) ? Integer.compare(a.partition(), b.partition())
                : a.topic().compareTo(b.topic()));
        return partitions;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
