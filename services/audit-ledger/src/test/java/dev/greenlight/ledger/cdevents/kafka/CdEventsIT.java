package dev.greenlight.ledger.cdevents.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.greenlight.events.ApprovalGranted;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.GuardAction;
import dev.greenlight.events.PolicyRef;
import dev.greenlight.events.RollbackTriggered;
import dev.greenlight.events.RolloutStepStarted;
import dev.greenlight.ledger.AuditLedgerApplication;
import dev.greenlight.ledger.LedgerServiceTestBase;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.topics.Topics;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CDEvents out through the audit-ledger as configured: facts on the topics become structured-mode
 * CloudEvents on {@code greenlight.cdevents} (read back with the SDK's Kafka binding) and on an HTTP
 * sink (a local stub speaking the HTTP binding), the sink's first refusal retried, a redelivered
 * source event carrying the same CloudEvents id.
 */
@SpringBootTest(properties = {
        "greenlight.security.demo-users=true",
        "spring.config.name=" + AuditLedgerApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.ledger.poll-timeout=200ms",
        "greenlight.cdevents.gate-url=https://gate.example.com:8183",
        "greenlight.cdevents.timeout=5s"})
@EmbeddedKafka
@Import(InMemoryRegistryConfiguration.class)
class CdEventsIT extends LedgerServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final List<Map<String, String>> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static HttpServer sink;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sink.createContext("/events", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            // The first delivery is refused: the publisher must retry it, not drop it.
            int status = CALLS.getAndIncrement() == 0 ? 503 : 202;
            if (status == 202) {
                RECEIVED.add(Map.of("contentType", exchange.getRequestHeaders().getFirst("Content-Type"),
                        "body", new String(body, StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        sink.start();
        registry.add("greenlight.cdevents.http-sink", () -> "http://127.0.0.1:" + sink.getAddress().getPort() + "/events");
    }

    @AfterAll
    static void stopSink() {
        sink.stop(0);
    }

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void decisionsStepsRollbacksAndSignOffsAreCloudEventsOnTheTopicAndTheSink() {
        RolloutStepStarted step = new RolloutStepStarted(meta("step-1"), "ict-qm", "2.1.0", "live-10", 10, null, 1L);
        publisher.publish(Topics.ROLLOUTS, "ict-qm", step);
        publisher.publish(Topics.ROLLOUTS, "ict-qm", new RollbackTriggered(meta("rb-1"), "ict-qm", "2.1.0", "live-10",
                GuardAction.ROLLBACK, "live-errors", "4", "< 1", "4 live errors", List.of(), "2.0.3", null));
        publisher.publish(Topics.APPROVALS, "ict-qm", new ApprovalGranted(meta("ap-1"), "ict-qm", "a-1", "2.1.0",
                "5114f85c", "auditor", "bob", null, null));
        publisher.publish(Topics.DECISIONS, "ict-qm", GateDecided.newBuilder().setMeta(meta("d-1")).setTarget("ict-qm")
                .setDecisionId("d-1").setVersion("2.1.0").setStage("live-10").setOutcome(GateOutcome.GO)
                .setCriteria(List.of()).setMissing(List.of()).setNextChangeAt(null)
                .setPolicy(new PolicyRef("trading-strategy", "1", "c0ffee")).setEvaluatedAt(T0)
                .setPreviousDecisionId(null).setEvidenceIds(List.of()).build());
        // The same source event delivered again (a producer retry upstream): same CloudEvents id.
        publisher.publish(Topics.ROLLOUTS, "ict-qm", step);

        // At-least-once: a retry may publish an event twice, always under the same id.
        List<String> expected = List.of("step-1", "rb-1", "ap-1", "d-1");
        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(90))
                .until(this::cdEvents, list -> list.size() >= 5 && ids(list.stream()
                        .map(r -> KafkaMessageFactory.createReader(r).toEvent().getId()).toList()).containsAll(expected));

        assertThat(records).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo("ict-qm");
            assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("application/cloudevents+json");
        });
        List<CloudEvent> events = records.stream()
                .map(record -> KafkaMessageFactory.createReader(record).toEvent()).toList();
        assertThat(ids(events.stream().map(CloudEvent::getId).toList())).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(events.stream().filter(e -> e.getId().equals("step-1"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(events).extracting(CloudEvent::getType).contains("dev.cdevents.service.deployed.0.2.0",
                "dev.cdevents.service.rolledback.0.2.0", "dev.cdevents.approval.updated.0.1.0",
                "dev.cdevents.approval.closed.0.1.0");
        CloudEvent deployed = events.stream().filter(e -> e.getId().equals("step-1")).findFirst().orElseThrow();
        JsonNode cdEvent = JSON.readTree(deployed.getData().toBytes());
        assertThat(cdEvent.get("context").get("version").asString()).isEqualTo("0.4.1");
        assertThat(cdEvent.get("subject").get("content").get("artifactId").asString()).isEqualTo("pkg:generic/ict-qm@2.1.0");

        List<Map<String, String>> delivered = await().atMost(Duration.ofSeconds(60)).until(() -> new ArrayList<>(RECEIVED),
                list -> ids(list.stream().map(d -> JSON.readTree(d.get("body")).get("id").asString()).toList())
                        .containsAll(expected));
        assertThat(delivered).allSatisfy(d -> assertThat(d.get("contentType")).isEqualTo("application/cloudevents+json"));
        assertThat(ids(delivered.stream().map(d -> JSON.readTree(d.get("body")).get("id").asString()).toList()))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(CALLS.get()).isGreaterThan(delivered.size());
    }

    private static java.util.Set<String> ids(List<String> ids) {
        return new java.util.HashSet<>(ids);
    }

    private List<ConsumerRecord<String, byte[]>> cdEvents() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CDEVENTS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static EventMetadata meta(String id) {
        return new EventMetadata(id, T0, "test");
    }
}
