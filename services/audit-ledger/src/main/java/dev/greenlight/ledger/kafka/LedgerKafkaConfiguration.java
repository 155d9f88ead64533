package dev.greenlight.ledger.kafka;

import dev.greenlight.ledger.verify.CheckpointNoteSigner;
import dev.greenlight.ledger.verify.CheckpointSigner;
import dev.greenlight.ledger.verify.LedgerKeyRing;
import dev.greenlight.platform.kafka.CatalogueAvroSerializer;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.security.ProductionMode;
import dev.greenlight.platform.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.KeyPair;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the ledger writer and the topic reader from Boot's {@code spring.kafka.*} settings, with the
 * few settings exactly-once depends on forced rather than left to configuration.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LedgerProperties.class, NoteProperties.class})
class LedgerKafkaConfiguration {

    /** Consumer group of the writer; its committed offsets live inside the ledger's transactions. */
    static final String GROUP_ID = "greenlight-audit-ledger";

    @Bean
    KeyPair ledgerSigningKeys(LedgerProperties properties, Environment environment) {
        return SigningKeys.load(properties, ProductionMode.isOn(environment));
    }

    @Bean
    LedgerKeyRing ledgerKeyRing(LedgerProperties properties, KeyPair ledgerSigningKeys, Clock clock) {
        return SigningKeys.ring(properties, ledgerSigningKeys, clock.instant());
    }

    @Bean
    CheckpointSigner checkpointSigner(KeyPair ledgerSigningKeys, Clock clock) {
        return new CheckpointSigner(ledgerSigningKeys, clock);
    }

    @Bean
    CheckpointNoteSigner checkpointNoteSigner(KeyPair ledgerSigningKeys, NoteProperties notes) {
        return new CheckpointNoteSigner(notes.origin(), ledgerSigningKeys);
    }

    /** Reads notes and cosignatures; writes cosignatures with an idempotent producer that waits for all replicas. */
    @Bean(destroyMethod = "close")
    CheckpointNotes checkpointNotes(KafkaProperties kafka, SchemaRegistryClient registry,
            CheckpointNoteSigner checkpointNoteSigner) {
        Map<String, Object> producerConfig = new HashMap<>(kafka.buildProducerProperties());
        producerConfig.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        return new CheckpointNotes(kafka.buildConsumerProperties(), registry,
                () -> new KafkaProducer<>(producerConfig, new StringSerializer(),
                        new CatalogueAvroSerializer(registry, Topics.all())),
                checkpointNoteSigner.key());
    }

    @Bean
    LedgerTopicReader ledgerTopicReader(KafkaProperties kafka, SchemaRegistryClient registry) {
        return new LedgerTopicReader(kafka.buildConsumerProperties(), registry);
    }

    @Bean
    LedgerTail ledgerTail(KafkaProperties kafka, SchemaRegistryClient registry) {
        return new LedgerTail(kafka.buildConsumerProperties(), registry);
    }

    @Bean
    LedgerWriterStatus ledgerWriterStatus() {
        return new LedgerWriterStatus();
    }

    @Bean
    LedgerWriterHealthIndicator ledgerWriterHealthIndicator(LedgerWriterStatus status, LedgerProperties properties) {
        return new LedgerWriterHealthIndicator(status, properties);
    }

    @Bean
    SourceCompleteness sourceCompleteness(KafkaProperties kafka) {
        return new SourceCompleteness(kafka.buildConsumerProperties());
    }

    @Bean
    LedgerWriter ledgerWriter(KafkaProperties kafka, SchemaRegistryClient registry, LedgerTopicReader ledgerTopicReader,
            CheckpointSigner checkpointSigner, CheckpointNoteSigner checkpointNoteSigner, LedgerProperties properties,
            Clock clock, LedgerWriterStatus status, MeterRegistry meters, LedgerKeyRing ledgerKeyRing) {
        Map<String, Object> consumerConfig = new HashMap<>(kafka.buildConsumerProperties());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Supplier<KafkaConsumer<byte[], byte[]>> consumers = () -> new KafkaConsumer<>(consumerConfig,
                new ByteArrayDeserializer(), new ByteArrayDeserializer());

        Map<String, Object> producerConfig = new HashMap<>(kafka.buildProducerProperties());
        producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, properties.transactionalId());
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        // Entries are sent in bursts of thousands inside one transaction: let them share batches (tunable).
        producerConfig.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        producerConfig.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // The first send of a transaction often meets CONCURRENT_TRANSACTIONS while the broker still
        // writes the previous commit's markers; the default 100 ms backoff would idle the writer.
        producerConfig.putIfAbsent(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 10);
        Supplier<KafkaProducer<String, Object>> producers = () -> new KafkaProducer<>(producerConfig,
                new StringSerializer(), new CatalogueAvroSerializer(registry, Topics.all()));

        return new LedgerWriter(consumers, producers, ledgerTopicReader, new SourceEventReader(registry),
                checkpointSigner, checkpointNoteSigner, properties, clock, status,
                new TrustedCheckpoints(ledgerKeyRing, meters));
    }

    @Bean
    LedgerWriterLifecycle ledgerWriterLifecycle(LedgerWriter ledgerWriter) {
        return new LedgerWriterLifecycle(ledgerWriter);
    }
}
