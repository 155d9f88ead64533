package dev.greenlight.console.board.kafka;

import dev.greenlight.console.board.domain.PartitionProjector;
import dev.greenlight.console.board.domain.ReadModelLookup;
import dev.greenlight.console.board.domain.ReadModelRecord;
import dev.greenlight.platform.kafka.CatalogueAvroDeserializer;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.topics.KafkaUser;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's partitioned projection: console instances share the release-keyed topics in one
 * consumer group ({@value KafkaUser#CONSOLE_PROJECTOR_GROUP}); each folds the facts of the partitions
 * it owns ({@link PartitionProjector}) and writes the releases' views to the compacted read model
 * {@code Topics.CONSOLE_BOARD}, which every instance reads to serve its board. The topics are all
 * keyed by target with the same partition count, and the range assignor gives one instance the same
 * partition of each, so one writer folds every fact of a release.
 *
 * <p>At-least-once: offsets are committed after the broker acknowledged the views; a fact handed
 * again is a no-op (positions in the view). On taking over partitions, the projector first reads
 * the read model up to its end, so it folds on from what the previous owner wrote — no history is
 * read again. The group starts at the beginning only the very first time (no offsets committed).
 */
final class BoardProjector {

    private static final Logger log = LoggerFactory.getLogger(BoardProjector.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READ_MODEL_WAIT = Duration.ofMinutes(2);

    /** The release-keyed fact topics the projector folds. */
    static final List<Topic<?>> SOURCES = List.of(Topics.RELEASES, Topics.DECISIONS, Topics.APPROVALS,
            Topics.ROLLOUTS, Topics.KILL_SWITCH, Topics.LEDGER);

    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> producerConfig;
    private final SchemaRegistryClient registry;
    private final ReadModelReader readModel;
    private final PartitionProjector projector;
    private final Clock clock;
    private final Duration finishedKept;
    private final Duration sweepEvery;
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final AtomicLong folded = new AtomicLong();
    private final ConsumerLoop loop = new ConsumerLoop("console-projector");
    private volatile Map<TopicPartition, Long> startedAt = Map.of();
    private Instant lastSweep = Instant.MIN;

    BoardProjector(Map<String, Object> clientConfig, Map<String, Object> producerConfig,
            SchemaRegistryClient registry, ReadModelReader readModel, ReadModelLookup lookup, Clock clock,
            Duration finishedKept, Duration sweepEvery) {
        this.consumerConfig = new HashMap<>(clientConfig);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, KafkaUser.CONSOLE_PROJECTOR_GROUP);
        consumerConfig.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        consumerConfig.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        consumerConfig.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "greenlight-console-projector");
        this.producerConfig = new HashMap<>(producerConfig);
        this.producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producerConfig.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        this.producerConfig.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "greenlight-console-projector");
        this.registry = registry;
        this.readModel = readModel;
        this.projector = new PartitionProjector(lookup);
        this.clock = clock;
        this.finishedKept = finishedKept;
        this.sweepEvery = sweepEvery;
    }

    void start() {
        loop.start(this::run);
    }

    void stop() {
        loop.stop();
    }

    /** How many source records this instance folded since it started. */
    long folded() {
        return folded.get();
    }

    /** Where this instance started reading each partition it was given (the group's committed offsets). */
    Map<TopicPartition, Long> startedAt() {
        return startedAt;
    }

    /** The partitions (numbers) of the release-keyed topics this instance owns now. */
    Set<Integer> owned() {
        return Set.copyOf(owned);
    }

    private void run() throws InterruptedException, ExecutionException {
        try (KafkaConsumer<String, Object> c = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new CatalogueAvroDeserializer(registry, SOURCES));
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                     new ByteArraySerializer())) {
            loop.follow(c);
            c.subscribe(SOURCES.stream().map(Topic::name).toList(), new Handover(c));
            while (loop.running()) {
                ConsumerRecords<String, Object> records = loop.poll(c, POLL);
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                for (ConsumerRecord<String, Object> record : records) {
                    String source = record.topic() + "-" + record.partition();
                    EventTranslation.translate(record.value()).ifPresent(event ->
                            projector.apply(source, record.offset(), event).forEach(r -> sent.add(send(producer, r))));
                    folded.incrementAndGet();
                }
                Instant now = clock.instant();
                if (!owned.isEmpty() && Duration.between(lastSweep, now).compareTo(sweepEvery) >= 0) {
                    lastSweep = now;
                    projector.expire(now, finishedKept, this::owns).forEach(r -> sent.add(send(producer, r)));
                }
                for (Future<RecordMetadata> ack : sent) {
                    ack.get(); // the views are in the read model before the facts count as folded
                }
                if (!records.isEmpty()) {
                    c.commitSync();
                }
            }
        }
    }

    private static Future<RecordMetadata> send(KafkaProducer<String, byte[]> producer, ReadModelRecord record) {
        return producer.send(new ProducerRecord<>(Topics.CONSOLE_BOARD.name(), record.key(),
                ReadModelCodec.encode(record)));
    }

    /** Whether {@code target}'s partition of the release-keyed topics is this instance's. */
    private boolean owns(String target) {
        int partition = Utils.toPositive(Utils.murmur2(target.getBytes(StandardCharsets.UTF_8)))
                % Topics.RELEASES.partitions();
        return owned.contains(partition);
    }

    /** On taking over partitions: forget own writes, read the read model to its end, then fold on. */
    private final class Handover implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, Object> c;

        Handover(KafkaConsumer<String, Object> c) {
            this.c = c;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            owned.clear();
            projector.forget();
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            projector.forget();
            List<TopicPartition> readModelPartitions = c.partitionsFor(Topics.CONSOLE_BOARD.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> ends = c.endOffsets(readModelPartitions);
            try {
                if (!readModel.awaitReached(ends, READ_MODEL_WAIT)) {
                    log.warn("the read model was not read to its end within {}; folding on from what was read",
                            READ_MODEL_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WakeupException();
            }
            Map<TopicPartition, Long> at = new HashMap<>(startedAt);
            partitions.forEach(p -> at.put(p, c.position(p)));
            startedAt = Map.copyOf(at);
            partitions.stream().filter(p -> p.topic().equals(Topics.RELEASES.name()))
                    .forEach(p -> owned.add(p.partition()));
        }
    }
}
