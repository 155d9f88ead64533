package dev.greenlight.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.platform.serde.AvroDeserializer;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

@SpringBootTest(classes = GreenlightKafkaAutoConfigurationTest.TestApplication.class, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.consumer.group-id=platform-test",
        "spring.kafka.consumer.auto-offset-reset=earliest"})
@EmbeddedKafka // KRaft is the only mode in spring-kafka-test 4
class GreenlightKafkaAutoConfigurationTest {

    /** Test-only topics outside the catalogue, so these tests do not depend on which events exist. */
    static final String EVENTS = "platform-test.events";
    static final String POISONED = "platform-test.poisoned";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TestApplication {

        @Bean
        InMemorySchemaRegistryClient schemaRegistryClient() {
            return new InMemorySchemaRegistryClient();
        }

        @Bean
        NewTopic eventsTopic() {
            return TopicBuilder.name(EVENTS).partitions(1).replicas(1).build();
        }

        @Bean
        NewTopic poisonedTopic() {
            return TopicBuilder.name(POISONED).partitions(1).replicas(1).build();
        }

        @Bean
        Received received() {
            return new Received();
        }
    }

    static class Received {

        final List<ConsumerRecord<String, Object>> records = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = {EVENTS, POISONED})
        void on(ConsumerRecord<String, Object> record) {
            records.add(record);
        }

        Optional<ConsumerRecord<String, Object>> withEventId(String eventId) {
            return records.stream()
                    .filter(r -> r.value() instanceof EventMetadata m && m.getEventId().equals(eventId))
                    .findFirst();
        }
    }

    @Autowired
    KafkaTemplate<String, Object> eventTemplate;
    @Autowired
    InMemorySchemaRegistryClient registry;
    @Autowired
    Received received;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    KafkaAdmin kafkaAdmin;

    @Test
    void templateWritesTheWireFormatAndListenersReceiveTheGeneratedClass() throws Exception {
        EventMetadata sent = metadata("sent-1");

        RecordMetadata written = eventTemplate.send(EVENTS, "target-a", sent).get().getRecordMetadata();

        await().atMost(Duration.ofSeconds(30)).until(() -> received.withEventId("sent-1").isPresent());
        ConsumerRecord<String, Object> record = received.withEventId("sent-1").orElseThrow();
        assertThat(record.key()).isEqualTo("target-a");
        assertThat(record.value()).isInstanceOf(EventMetadata.class).isEqualTo(sent);

        byte[] raw = rawValue(new TopicPartition(EVENTS, written.partition()), written.offset());
        int registeredId = registry.getId(EVENTS + "-value", EventMetadata.getClassSchema()).orElseThrow();
        assertThat(raw[0]).isZero();
        assertThat(ByteBuffer.wrap(raw, 1, 4).getInt()).isEqualTo(registeredId);
    }

    @Test
    void poisonRecordIsDeadLetteredWithItsOriginAndTheNextRecordIsStillDelivered() throws Exception {
        byte[] poison = {0x07, 0, 0, 0, 1, 0x02};
        RecordMetadata poisoned = sendRaw(POISONED, "target-p", poison);
        eventTemplate.send(POISONED, "target-p", metadata("after-poison")).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> received.withEventId("after-poison").isPresent());

        ConsumerRecord<byte[], byte[]> deadLetter = deadLetterFrom(POISONED, poisoned.offset());
        assertThat(deadLetter.value()).isEqualTo(poison);
        assertThat(new String(deadLetter.key(), StandardCharsets.UTF_8)).isEqualTo("target-p");
        assertThat(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_PARTITION).getInt())
                .isEqualTo(poisoned.partition());
        assertThat(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_OFFSET).getLong()).isEqualTo(poisoned.offset());
        assertThat(new String(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE).array(), StandardCharsets.UTF_8))
                .contains("unknown magic byte 0x07, expected 0x00");
    }

    @Test
    void aPlainConsumerReportsTheUndecodableRecordsPartitionAndOffset() throws Exception {
        RecordMetadata poisoned = sendRaw(POISONED, "target-q", new byte[] {0x07, 0, 0, 0, 1});
        TopicPartition partition = new TopicPartition(POISONED, poisoned.partition());

        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(consumerConfig(),
                new StringDeserializer(), new AvroDeserializer<>(registry))) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, poisoned.offset());

            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
                    .isInstanceOfSatisfying(RecordDeserializationException.class, e -> {
                        assertThat(e.topicPartition()).isEqualTo(partition);
                        assertThat(e.offset()).isEqualTo(poisoned.offset());
                    })
                    .hasRootCauseMessage("cannot read record from topic " + POISONED
                            + ": unknown magic byte 0x07, expected 0x00");
        }
    }

    @Test
    void everyCatalogueTopicExistsWithItsPartitionsAndConfigs() throws Exception {
        List<String> names = Topics.all().stream().map(Topic::name).toList();
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get();
            List<ConfigResource> resources = names.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();

            for (Topic<?> topic : Topics.all()) {
                assertThat(descriptions.get(topic.name()).partitions()).as(topic.name()).hasSize(topic.partitions());
                Config actual = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
                topic.configs().forEach((key, value) ->
                        assertThat(actual.get(key).value()).as(topic.name() + " " + key).isEqualTo(value));
            }
        }
        assertThat(Topics.DEAD_LETTER.configs()).containsEntry("retention.ms", "-1");
    }

    private static EventMetadata metadata(String eventId) {
        return EventMetadata.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(Instant.ofEpochMilli(1_700_000_000_000L))
                .setPrincipal("ci")
                .build();
    }

    private RecordMetadata sendRaw(String topic, String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private byte[] rawValue(TopicPartition partition, long offset) {
        try (KafkaConsumer<byte[], byte[]> consumer = rawConsumer()) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, offset);
            List<ConsumerRecord<byte[], byte[]>> polled = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(polled::add);
                return !polled.isEmpty();
            });
            return polled.get(0).value();
        }
    }

    private ConsumerRecord<byte[], byte[]> deadLetterFrom(String originTopic, long originOffset) {
        try (KafkaConsumer<byte[], byte[]> consumer = rawConsumer()) {
            consumer.subscribe(List.of(Topics.DEAD_LETTER.name()));
            List<ConsumerRecord<byte[], byte[]>> matching = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String origin = new String(header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC).array(),
                            StandardCharsets.UTF_8);
                    if (origin.equals(originTopic)
                            && header(record, KafkaHeaders.DLT_ORIGINAL_OFFSET).getLong() == originOffset) {
                        matching.add(record);
                    }
                }
                return !matching.isEmpty();
            });
            return matching.get(0);
        }
    }

    private KafkaConsumer<byte[], byte[]> rawConsumer() {
        return new KafkaConsumer<>(consumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private Map<String, Object> consumerConfig() {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "platform-test-raw-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }

    private static ByteBuffer header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return ByteBuffer.wrap(header.value());
    }
}
