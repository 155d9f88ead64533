package dev.greenlight.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.platform.registry.RegistryOutage;
import dev.greenlight.platform.testing.OutageSchemaRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * A listener whose record meets a silent schema registry waits with Spring Kafka's own back-off, not
 * by sleeping on the consumer thread: the outage is reported, no offset is committed past the record,
 * the container still stops at once although the next attempt is a minute away, and the record is
 * read when the registry is back.
 */
@SpringBootTest(classes = RegistryOutageListenerIT.TestApplication.class, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.consumer.group-id=" + RegistryOutageListenerIT.GROUP,
        "spring.kafka.consumer.auto-offset-reset=earliest",
        "greenlight.registry.retry-interval=60s"})
@EmbeddedKafka
class RegistryOutageListenerIT {

    static final String TOPIC = "platform-test.registry-outage";
    static final String GROUP = "registry-outage-test";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TestApplication {

        @Bean
        OutageSchemaRegistry schemaRegistryClient() {
            return new OutageSchemaRegistry();
        }

        @Bean
        NewTopic outageTopic() {
            return TopicBuilder.name(TOPIC).partitions(1).replicas(1).build();
        }

        @Bean
        Received received() {
            return new Received();
        }
    }

    static class Received {

        final List<String> eventIds = new CopyOnWriteArrayList<>();

        @KafkaListener(id = "waiting", topics = TOPIC)
        void on(EventMetadata event) {
            eventIds.add(event.getEventId());
        }
    }

    @Autowired
    KafkaTemplate<String, Object> eventTemplate;
    @Autowired
    OutageSchemaRegistry registry;
    @Autowired
    RegistryOutage outage;
    @Autowired
    Received received;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void aRecordWaitingForTheRegistryDoesNotHoldUpStop_andIsReadOnceItIsBack() throws Exception {
        eventTemplate.send(TOPIC, "t", metadata("before")).get();
        await().atMost(Duration.ofSeconds(60)).until(() -> received.eventIds.contains("before"));
        registry.down();

        RecordMetadata waiting = eventTemplate.send(TOPIC, "t", metadata("during")).get().getRecordMetadata();
        await().atMost(Duration.ofSeconds(30)).until(() -> outage.unavailableFor().isPresent());

        MessageListenerContainer container = listeners.getListenerContainer("waiting");
        // The next attempt is 60 s away: a sleep on the consumer thread would hold stop until it ends.
        container.getContainerProperties().setShutdownTimeout(Duration.ofSeconds(120).toMillis());
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            container.stop();
        }, "stop during a registry outage");
        assertThat(received.eventIds).doesNotContain("during");
        assertThat(committed(new TopicPartition(TOPIC, waiting.partition())))
                .as("no offset committed past the waiting record").isLessThanOrEqualTo(waiting.offset());

        registry.up();
        container.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> received.eventIds.contains("during"));
    }

    private long committed(TopicPartition partition) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", brokers))) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get()
                    .get(partition);
            return offset == null ? 0 : offset.offset();
        }
    }

    private static EventMetadata metadata(String eventId) {
        return new EventMetadata(eventId, Instant.parse("2026-12-01T10:00:00Z"), "ci");
    }
}
