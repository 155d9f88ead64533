package dev.greenlight.ledger.kafka;

import static org.awaitility.Awaitility.await;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.KillSwitchSource;
import dev.greenlight.ledger.verify.CheckpointSigner;
import dev.greenlight.ledger.verify.Ed25519Keys;
import dev.greenlight.platform.kafka.CatalogueAvroSerializer;
import dev.greenlight.platform.serde.AvroSerializer;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Not a test: the end-to-end append rate of the real writer (consume raw records, hash, chain,
 * produce entries, checkpoint, commit transactions) against an in-process single-node broker.
 * Pre-loads {@code entries} source records, then times the writer until it has committed that many entries.
 * {@code java ... KafkaAppendBenchmark [entries] [max.poll.records] [max-records-per-transaction]}; a last
 * argument of 1 gives the old one-transaction-per-poll behaviour for comparison.
 */
public final class KafkaAppendBenchmark {

    private KafkaAppendBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "dev.greenlight");
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String maxPoll = args.length > 1 ? args[1] : "2000";
        int perTransaction = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        // A single broker cannot host the default 3 replicas of the transaction and offsets logs.
        broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1", "offsets.topic.replication.factor", "1"));
        broker.afterPropertiesSet();
        String servers = broker.getBrokersAsString();
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
            admin.createTopics(Topics.all().stream()
                    .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.configs())).toList())
                    .all().get();
            preload(servers, registry, count);

            LedgerProperties properties = new LedgerProperties(new LedgerProperties.Checkpoint(10_000,
                    Duration.ofSeconds(10)), null, null, Path.of("unused"), false, Duration.ofMillis(100),
                    "ledger-benchmark", perTransaction, Duration.ofSeconds(60), Duration.ofMinutes(5),
                    Duration.ofMillis(500), null);
            Map<String, Object> consumerConfig = new HashMap<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                    ConsumerConfig.GROUP_ID_CONFIG, "ledger-benchmark",
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPoll));
            Map<String, Object> producerConfig = new HashMap<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, properties.transactionalId(),
                    ProducerConfig.LINGER_MS_CONFIG, 5,
                    ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                    // The first send of a transaction often meets CONCURRENT_TRANSACTIONS while the broker
                    // still writes the previous commit's markers; the default 100 ms backoff idles the writer.
                    ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 10));
            LedgerTopicReader reader = new LedgerTopicReader(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                    registry);
            java.security.KeyPair keys = Ed25519Keys.generate();
            CheckpointSigner signer = new CheckpointSigner(keys, Clock.systemUTC());
            LedgerWriter writer = new LedgerWriter(
                    () -> new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                    () -> new KafkaProducer<>(producerConfig, new StringSerializer(),
                            new CatalogueAvroSerializer(registry, Topics.all())),
                    reader, new SourceEventReader(registry),
                    signer, new dev.greenlight.ledger.verify.CheckpointNoteSigner("greenlight.bench/ledger", keys),
                    properties, Clock.systemUTC(), new LedgerWriterStatus(),
                    new TrustedCheckpoints(signer.publicKey(), new SimpleMeterRegistry()));
            Thread thread = new Thread(writer, "ledger-writer");
            thread.start();
            // Steady state: from the first committed transaction (after group join and restore) to the last.
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5)).until(() -> writer.appended() > 0);
            long first = writer.appended();
            long start = System.nanoTime();
            int target = count;
            // counted after each commitTransaction
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(5)).until(() -> writer.appended() >= target);
            double seconds = (System.nanoTime() - start) / 1e9;
            count -= (int) first;
            writer.stop();
            thread.join();
            System.out.printf("kafka append: %,d entries in %.2f s = %,.0f entries/s (max.poll.records=%s, up to %,d "
                    + "records per transaction, load average %.1f)%n", count, seconds, count / seconds, maxPoll,
                    perTransaction, java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
        } finally {
            broker.destroy();
        }
    }

    private static void preload(String servers, InMemorySchemaRegistryClient registry, int count) {
        Topic<?> topic = Topics.KILL_SWITCH;
        AvroSerializer<Object> serializer = new AvroSerializer<>(registry, topic.valueSchema());
        // Not idempotent: on a loaded machine the first batches of an idempotent producer to a brand-new
        // partition can loop on OUT_OF_ORDER_SEQUENCE_NUMBER; the source side needs no exactly-once here.
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", servers,
                "linger.ms", 20, "batch.size", 512 * 1024, "enable.idempotence", false, "acks", "1"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                String target = "target-" + (i % 50);
                byte[] value = serializer.serialize(topic.name(), KillSwitchActivated.newBuilder()
                        .setMeta(new EventMetadata("evt-" + i, Instant.EPOCH.plusSeconds(i), "bench"))
                        .setTarget(target).setReason("benchmark drill number " + i).setActivatedBy("bench")
                        .setSource(KillSwitchSource.MANUAL).build());
                producer.send(new ProducerRecord<>(topic.name(), target, value));
            }
        }
    }
}
