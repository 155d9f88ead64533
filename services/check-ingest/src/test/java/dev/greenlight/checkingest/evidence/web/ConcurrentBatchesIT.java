package dev.greenlight.checkingest.evidence.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.checkingest.Api;
import dev.greenlight.checkingest.FixedClock;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.testing.TopicProbe;
import dev.greenlight.platform.topics.Topics;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Many batches at once, as monitors post them: they are group-committed, several requests to a
 * Kafka transaction and the committers' transactions back to back. That is where the broker
 * answers a new transaction's first sends with {@code CONCURRENT_TRANSACTIONS} (the previous
 * commit's markers are still being written) and the sends already in flight behind them with
 * {@code OUT_OF_ORDER_SEQUENCE_NUMBER}, which the producer retries in sequence order
 * (docs/performance.md, "OutOfOrderSequenceException in ingest runs"). Whatever the broker
 * answered on the way, read_committed readers must see every sample of every batch answered 201
 * exactly once — nothing lost, nothing doubled — and nothing of a batch answered otherwise.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=check-ingest",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.security.demo-users=true"})
@EmbeddedKafka(partitions = 3)
@Import({InMemoryRegistryConfiguration.class, FixedClock.class})
class ConcurrentBatchesIT {

    private static final int CLIENTS = 16;
    private static final int BATCHES_PER_CLIENT = 6;
    private static final int SAMPLES_PER_BATCH = 25;

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    SchemaRegistryClient registry;

    @Test
    void everySampleOfEveryAcknowledgedBatchIsStoredExactlyOnceAndNothingOfARefusedOne() {
        Api api = new Api(port);
        String run = "conc-" + UUID.randomUUID().toString().substring(0, 8);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<CompletableFuture<Map.Entry<String, Integer>>> answers;
        try {
            answers = IntStream.range(0, CLIENTS * BATCHES_PER_CLIENT).mapToObj(n -> CompletableFuture.supplyAsync(() -> {
                String batch = run + "-" + n;
                return Map.entry(batch, api.post("/api/v1/metrics", body(batch), "demo-ci").status());
            }, clients)).toList();
            answers.forEach(CompletableFuture::join);
        } finally {
            clients.shutdownNow();
        }
        Map<String, Integer> statusByBatch = answers.stream().map(CompletableFuture::join)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        Map<String, Long> storedPerTarget = TopicProbe.readAll(brokers, Topics.METRICS, registry).stream()
                .map(ConsumerRecord::value).map(MetricObserved::getTarget).filter(target -> target.startsWith(run))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(statusByBatch.values()).contains(201);
        statusByBatch.forEach((batch, status) -> {
            List<String> targets = IntStream.range(0, SAMPLES_PER_BATCH).mapToObj(i -> batch + "-" + i).toList();
            if (status == 201) {
                assertThat(targets).allSatisfy(target -> assertThat(storedPerTarget.get(target))
                        .as("copies of %s (batch answered 201)", target).isEqualTo(1L));
            } else {
                assertThat(targets).noneMatch(storedPerTarget::containsKey);
            }
        });
        assertThat(storedPerTarget.keySet()).allMatch(target ->
                statusByBatch.get(target.substring(0, target.lastIndexOf('-'))) == 201);
    }

    private static String body(String batch) {
        return IntStream.range(0, SAMPLES_PER_BATCH).mapToObj(i -> """
                {"target": "%s-%d", "name": "live_errors_total", "value": %d, "observedAt": "2026-11-22T10:00:00Z"}"""
                .formatted(batch, i, i)).collect(Collectors.joining(",", "[", "]"));
    }
}
