package dev.greenlight.checkingest.evidence.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.checkingest.Api;
import dev.greenlight.checkingest.Api.Answer;
import dev.greenlight.checkingest.FixedClock;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.testing.TopicProbe;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * A 2xx answer is the broker's acknowledgement, for one-sample requests (no transaction) as for
 * batches (group-committed transactions): here the broker itself refuses a record — it accepts
 * record batches of at most 1 KB ({@code message.max.bytes}) and the refused sample carries a 2 KB
 * label — after
 * check-ingest handed it over. Answering before the acknowledgement would answer 201; the service
 * answers 503 and nothing of the request is visible to read_committed readers, while good requests
 * around it are stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=check-ingest",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.security.demo-users=true"})
@EmbeddedKafka(brokerProperties = "message.max.bytes=" + AcknowledgedWritesIT.MAX_RECORD_BATCH_BYTES)
@Import({InMemoryRegistryConfiguration.class, FixedClock.class})
class AcknowledgedWritesIT {

    static final int MAX_RECORD_BATCH_BYTES = 1024;

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    SchemaRegistryClient registry;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aSampleTheBrokerRefusesIsAnswered503AndNothingIsStoredAndTheNextIsStoredWhenAnswered() {
        String refused = "refused-" + UUID.randomUUID();
        String accepted = "accepted-" + UUID.randomUUID();

        Answer refusal = api.post("/api/v1/metrics", sample(refused, "x".repeat(2 * MAX_RECORD_BATCH_BYTES)),
                "demo-ci");
        Answer success = api.post("/api/v1/metrics", sample(accepted, "small"), "demo-ci");

        assertThat(refusal.status()).isEqualTo(503);
        assertThat(refusal.retryAfter()).isNotBlank();
        assertThat(success.status()).isEqualTo(201);
        // Read right after the answer, without waiting: a 201 means the record is already on the topic.
        assertThat(committedTargets()).contains(accepted).doesNotContain(refused);
    }

    @Test
    void aBatchThatFailsMidSendLeavesNothingVisibleToReadCommittedReadersAndSparesTheBatchBesideIt() {
        String failing = "failing-" + UUID.randomUUID();
        String good = "good-" + UUID.randomUUID();
        List<String> failingItems = new ArrayList<>(IntStream.range(0, 12)
                .mapToObj(i -> sample(failing + "-" + i, "small")).toList());
        failingItems.add(6, sample(failing + "-oversized", "x".repeat(2 * MAX_RECORD_BATCH_BYTES)));
        String goodBatch = IntStream.range(0, 12).mapToObj(i -> sample(good + "-" + i, "small"))
                .collect(Collectors.joining(",", "[", "]"));

        // Sent together, so the two batches may share one transaction: the failing one must not take
        // the good one down with it.
        CompletableFuture<Answer> failingAnswer = CompletableFuture.supplyAsync(() ->
                api.post("/api/v1/metrics", "[" + String.join(",", failingItems) + "]", "demo-ci"));
        CompletableFuture<Answer> goodAnswer = CompletableFuture.supplyAsync(() ->
                api.post("/api/v1/metrics", goodBatch, "demo-ci"));

        assertThat(failingAnswer.join().status()).isEqualTo(503);
        assertThat(goodAnswer.join().status()).isEqualTo(201);
        List<String> committed = committedTargets();
        assertThat(committed).noneMatch(target -> target.startsWith(failing));
        assertThat(committed.stream().filter(target -> target.startsWith(good))).hasSize(12);
        // The failing batch's good records did reach the log before the transaction was aborted:
        // only the abort keeps them from read_committed readers.
        assertThat(uncommittedTargets()).anyMatch(target -> target.startsWith(failing + "-")
                && !target.endsWith("oversized"));
    }

    private List<String> committedTargets() {
        return TopicProbe.readAll(brokers, Topics.METRICS, registry).stream()
                .map(ConsumerRecord::value).map(MetricObserved::getTarget).toList();
    }

    /** Record keys (targets) as a read_uncommitted reader sees them, aborted transactions included. */
    private List<String> uncommittedTargets() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.METRICS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<String> keys = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
            }
            return keys;
        }
    }

    private static String sample(String target, String label) {
        return """
                {"target": "%s", "name": "live_errors_total", "value": 1, "observedAt": "2026-11-22T10:00:00Z",
                 "labels": {"note": "%s"}}""".formatted(target, label);
    }
}
