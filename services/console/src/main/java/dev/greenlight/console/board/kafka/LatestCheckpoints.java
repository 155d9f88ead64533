package dev.greenlight.console.board.kafka;

import dev.greenlight.console.board.application.ConsoleFeed;
import dev.greenlight.platform.kafka.CatalogueAvroDeserializer;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The ledger's latest signed checkpoint and its witnesses' cosignatures, read from the tail of their
 * topics (kept forever, one partition each) rather than from the beginning: the console shows only
 * the latest, so it starts at the last checkpoint and the last {@value #COSIGNATURES_BACK}
 * cosignatures, then follows. Checkpoints of a poll are applied before its cosignatures, so a
 * cosignature finds the checkpoint it signs.
 */
final class LatestCheckpoints {

    /** How many cosignatures back the tail starts: witnesses per checkpoint, with room to spare. */
    static final int COSIGNATURES_BACK = 64;
    private static final List<Topic<?>> TOPICS = List.of(Topics.LEDGER_CHECKPOINTS, Topics.LEDGER_COSIGNATURES);
    private static final TopicPartition CHECKPOINTS = new TopicPartition(Topics.LEDGER_CHECKPOINTS.name(), 0);
    private static final TopicPartition COSIGNATURES = new TopicPartition(Topics.LEDGER_COSIGNATURES.name(), 0);

    private final Map<String, Object> config;
    private final SchemaRegistryClient registry;
    private final ConsoleFeed feed;
    private final ConsumerLoop loop = new ConsumerLoop("console-checkpoints");

    LatestCheckpoints(Map<String, Object> clientConfig, SchemaRegistryClient registry, ConsoleFeed feed) {
        this.config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "greenlight-console-checkpoints");
        this.registry = registry;
        this.feed = feed;
    }

    void start() {
        loop.start(this::follow);
    }

    void stop() {
        loop.stop();
    }

    private void follow() throws InterruptedException {
        try (KafkaConsumer<String, Object> c = new KafkaConsumer<>(config, new StringDeserializer(),
                new CatalogueAvroDeserializer(registry, TOPICS))) {
            loop.follow(c);
            List<TopicPartition> partitions = List.of(CHECKPOINTS, COSIGNATURES);
            c.assign(partitions);
            Map<TopicPartition, Long> begin = c.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            c.seek(CHECKPOINTS, Math.max(begin.get(CHECKPOINTS), end.get(CHECKPOINTS) - 1));
            c.seek(COSIGNATURES, Math.max(begin.get(COSIGNATURES), end.get(COSIGNATURES) - COSIGNATURES_BACK));
            while (loop.running()) {
                ConsumerRecords<String, Object> records = loop.poll(c, Duration.ofMillis(500));
                apply(records.records(CHECKPOINTS));
                apply(records.records(COSIGNATURES));
            }
        }
    }

    private void apply(List<ConsumerRecord<String, Object>> records) {
        for (ConsumerRecord<String, Object> record : records) {
            EventTranslation.translate(record.value()).ifPresent(feed::acceptStanding);
        }
    }
}
