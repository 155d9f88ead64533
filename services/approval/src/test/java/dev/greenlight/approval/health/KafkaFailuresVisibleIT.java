package dev.greenlight.approval.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.approval.ApprovalApplication;
import dev.greenlight.platform.testing.OutageSchemaRegistry;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

/**
 * The approval service (listener containers) makes Kafka failures visible instead of hiding them:
 * while the schema registry does not answer, a good record waits and is retried — never
 * dead-lettered — the {@code schemaRegistry} health turns DOWN after the configured time and UP again
 * once the record decodes; a listener container that stops on an error turns
 * liveness DOWN so the process is restarted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + ApprovalApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.security.demo-users=true",
        "greenlight.registry.retry-interval=200ms",
        "greenlight.registry.outage-down-after=2s",
        "management.endpoint.health.show-details=always"})
@EmbeddedKafka
@Import(KafkaFailuresVisibleIT.Registry.class)
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaFailuresVisibleIT {

    @TestConfiguration(proxyBeanMethods = false)
    static class Registry {
        @Bean
        OutageSchemaRegistry schemaRegistryClient() {
            return new OutageSchemaRegistry();
        }
    }

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    OutageSchemaRegistry registry;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    @Order(1)
    void aSilentRegistryDelaysAGoodRecordWithoutDeadLetteringIt_healthDownAfterTheConfiguredTime() {
        await().atMost(Duration.ofSeconds(60)).until(() -> status("/actuator/health/liveness") == 200);
        registry.down();

        int placed = RestClient.create("http://localhost:" + port).post().uri("/api/v1/holds")
                .headers(h -> h.setBearerAuth("demo-erin")).contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"registry-outage\", \"target\": \"payments-*\", \"reason\": \"INC-1\"}")
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(placed).as("the producer goes on with the id it has").isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> body("/actuator/health").contains("registry unavailable for"));
        assertThat(status("/actuator/health")).isEqualTo(503);

        registry.up();
        await().atMost(Duration.ofSeconds(30)).until(() -> !body("/actuator/health").contains("registry unavailable for"));
        assertThat(deadLetters()).as("a decodable record is never dead-lettered").isEmpty();
    }

    @Test
    @Order(2)
    void aListenerContainerThatStopsOnAnErrorTurnsLivenessDown() {
        await().atMost(Duration.ofSeconds(60)).until(() -> status("/actuator/health/liveness") == 200);

        listeners.getAllListenerContainers().iterator().next().stopAbnormally(() -> { });

        await().atMost(Duration.ofSeconds(30)).until(() -> status("/actuator/health/liveness") == 503);
    }

    private int status(String path) {
        return RestClient.create("http://localhost:" + port).get().uri(path)
                .exchange((request, response) -> response.getStatusCode().value());
    }

    private String body(String path) {
        return RestClient.create("http://localhost:" + port).get().uri(path)
                .exchange((request, response) -> new String(response.getBody().readAllBytes()));
    }

    /** Everything on the dead-letter topic now: read from the beginning up to its end offsets. */
    private List<ConsumerRecord<byte[], byte[]>> deadLetters() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEAD_LETTER.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new java.util.ArrayList<>();
            // The consumer is not thread-safe: poll it on this thread.
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            return records;
        }
    }
}
