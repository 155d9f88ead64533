package dev.greenlight.registry.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import dev.greenlight.registry.domain.CompatibilityLevel;
import dev.greenlight.registry.domain.RegistryState;
import dev.greenlight.registry.domain.SchemaVersion;

/**
 * The registry's durable state: a compacted, single-partition topic in Confluent's
 * {@code _schemas} format. One partition gives a total order, so replaying it from the beginning
 * rebuilds exactly the state that was acknowledged; compaction keeps one record per version and
 * per config key, and soft deletes overwrite rather than remove, so ids are never forgotten.
 */
@Component
public class SchemasTopicStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemasTopicStore.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final SchemaStoreProperties properties;
    private final KafkaProperties kafka;
    private final StoreRecords records = new StoreRecords();
    private final Producer<byte[], byte[]> producer;

    SchemasTopicStore(SchemaStoreProperties properties, KafkaProperties kafka) {
        this.properties = properties;
        this.kafka = kafka;
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        // A write is only answered once it is durable; idempotence keeps retries from reordering.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        this.producer = new KafkaProducer<>(config);
    }

    public String topic() {
        return properties.topic();
    }

    /** Creates the topic when missing and refuses one that cannot give a total order. */
    public void ensureTopic() {
        long timeoutMs = properties.initTimeout().toMillis();
        try (Admin admin = Admin.create(kafka.buildAdminProperties())) {
            NewTopic topic = new NewTopic(topic(), Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            try {
                admin.createTopics(List.of(topic)).all().get(timeoutMs, TimeUnit.MILLISECONDS);
                log.info("Created schema store topic {}", topic());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            TopicDescription description = TopicReadiness.await(admin, Set.of(topic()), properties.initTimeout())
                    .get(topic());
            if (description.partitions().size() != 1) {
                throw new IllegalStateException("Schema store topic " + topic() + " must have exactly 1 partition, has "
                        + description.partitions().size());
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new SchemaStoreException("Cannot prepare schema store topic " + topic(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaStoreException("Interrupted preparing schema store topic " + topic(), e);
        }
    }

    /**
     * Replays the topic from the beginning up to its current end offset into {@code state}.
     *
     * @return the number of records read
     */
    public long replayInto(RegistryState state) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        // Assigned, never subscribed: no group, no committed offsets, always from the start.
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        TopicPartition partition = new TopicPartition(topic(), 0);
        long deadline = System.nanoTime() + properties.initTimeout().toNanos();
        long read = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), properties.initTimeout()).get(partition);
            while (consumer.position(partition, properties.initTimeout()) < end) {
                if (System.nanoTime() > deadline) {
                    throw new SchemaStoreException("Timed out replaying " + topic(), null);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    apply(record, state);
                    read++;
                }
            }
        }
        log.info("Replayed {} records from schema store topic {}", read, topic());
        return read;
    }

    /** Stores versions and returns once the broker acknowledged all of them. */
    public void append(List<SchemaVersion> versions) {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (SchemaVersion version : versions) {
            sends.add(producer.send(new ProducerRecord<>(topic(), 0, records.schemaKey(version),
                    records.schemaValue(version))));
        }
        awaitAll(sends);
    }

    /** Stores a compatibility level ({@code subject == null}: global) and waits for the ack. */
    public void appendLevel(String subject, CompatibilityLevel level) {
        awaitAll(List.of(producer.send(new ProducerRecord<>(topic(), 0, records.configKey(subject),
                records.configValue(level)))));
    }

    @Override
    public void close() {
        producer.close(properties.writeTimeout());
    }

    private void apply(ConsumerRecord<byte[], byte[]> record, RegistryState state) {
        String keyType = records.keyType(record.key());
        switch (keyType) {
            case StoreRecords.SCHEMA -> records.schema(record.value()).ifPresentOrElse(state::apply,
                    () -> log.warn("Ignoring schema tombstone at offset {}: versions are never hard-deleted here",
                            record.offset()));
            case StoreRecords.CONFIG -> records.config(record.value())
                    .ifPresent(level -> state.applyLevel(records.configSubject(record.key()), level));
            default -> log.debug("Skipping {} record at offset {}", keyType, record.offset());
        }
    }

    private void awaitAll(List<Future<RecordMetadata>> sends) {
        long timeoutMs = properties.writeTimeout().toMillis();
        try {
            for (Future<RecordMetadata> send : sends) {
                send.get(timeoutMs, TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new SchemaStoreException("Write to schema store topic " + topic() + " not acknowledged", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaStoreException("Interrupted writing to schema store topic " + topic(), e);
        }
    }
}
