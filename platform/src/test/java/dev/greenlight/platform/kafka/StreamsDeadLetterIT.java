package dev.greenlight.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Kafka Streams topology behind the shared configuration survives a poison record: the record is
 * parked on the dead-letter topic with its origin, and the topology goes on with the next one
 * instead of dying (the default handler would stop the stream thread).
 */
@SpringBootTest(classes = StreamsDeadLetterIT.StreamsApplication.class, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.streams.application-id=streams-dead-letter-test",
        "spring.kafka.streams.properties.processing.guarantee=exactly_once_v2",
        "spring.kafka.streams.properties.commit.interval.ms=100"})
@EmbeddedKafka
class StreamsDeadLetterIT {

    @TempDir
    static Path stateDir;

    @DynamicPropertySource
    static void stateDir(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.streams.state-dir", stateDir::toString);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableKafkaStreams
    @Import(InMemoryRegistryConfiguration.class)
    static class StreamsApplication {

        final List<String> seen = new CopyOnWriteArrayList<>();

        @Bean
        Object releasesTopology(StreamsBuilder builder, TopicSerdes serdes) {
            builder.stream(Topics.RELEASES.name(), Consumed.with(Serdes.String(), serdes.forTopic(Topics.RELEASES)))
                    .foreach((target, release) -> seen.add(release.getVersion()));
            return "releases";
        }
    }

    @Autowired
    StreamsApplication application;
    @Autowired
    EventPublisher publisher;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void aPoisonRecordIsDeadLetteredAndTheTopologyKeepsProcessing() {
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers", brokers),
                new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.RELEASES.name(), "poisoned", new byte[] {0x07, 0, 0, 0, 9, 1}));
        }
        publisher.publish(Topics.RELEASES, "poisoned", ReleaseRegistered.newBuilder()
                .setMeta(new EventMetadata("after-poison", Instant.parse("2026-11-22T10:00:00Z"), "ci"))
                .setTarget("poisoned").setVersion("1.0.1").setReleaseType(ReleaseType.BUGFIX)
                .setRevision("abcdef1").setAuthor("alice").build());

        await().atMost(Duration.ofSeconds(60)).until(() -> application.seen.contains("1.0.1"));
        ConsumerRecord<byte[], byte[]> parked = deadLetters().stream()
                .filter(r -> r.value().length > 0 && r.value()[0] == 0x07)
                .findFirst().orElseThrow();
        assertThat(header(parked, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.RELEASES.name());
        assertThat(parked.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET)).isNotNull();
        assertThat(header(parked, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("magic byte");
    }

    private List<ConsumerRecord<byte[], byte[]>> deadLetters() {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", brokers,
                "group.id", "dead-letter-reader", "auto.offset.reset", "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(Topics.DEAD_LETTER.name()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return !records.isEmpty();
            });
        }
        return records;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
