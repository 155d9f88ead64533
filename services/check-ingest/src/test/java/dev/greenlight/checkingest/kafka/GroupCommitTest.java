package dev.greenlight.checkingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.platform.kafka.CatalogueAvroSerializer;
import dev.greenlight.platform.kafka.EventNotStoredException;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.platform.tracing.Traceparent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.mock.MockProducerFactory;

/**
 * Batches are serialized on the thread that submits them, before they are queued, with the event
 * producer's own value serializer; the committer only sends the bytes and commits. So a batch that
 * cannot be serialized is refused alone and at once, and what reaches the transaction is exactly
 * what the platform's serializer writes (wire format, schema id, {@code traceparent} header).
 * Runs against Kafka's {@link MockProducer} (committed records are its history); the real broker's
 * side — one transaction per group, a record the broker refuses — is {@code AcknowledgedWritesIT}.
 */
class GroupCommitTest {

    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");
    private static final Traceparent TRACE =
            Traceparent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();

    private final List<MockProducer<String, byte[]>> producers = new CopyOnWriteArrayList<>();
    private final CatalogueAvroSerializer avro =
            new CatalogueAvroSerializer(new InMemorySchemaRegistryClient(), Topics.all());
    private final Set<String> serializingThreads = ConcurrentHashMap.newKeySet();
    private final Serializer<Object> values = new Serializer<>() {
        @Override
        public byte[] serialize(String topic, Object value) {
            serializingThreads.add(Thread.currentThread().getName());
            return avro.serialize(topic, value);
        }
    };
    private final GroupCommit groupCommit = new GroupCommit(new MockProducerFactory<>((transactional, id) -> {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer());
        producer.initTransactions();
        producers.add(producer);
        return producer;
    }, "group-commit-test-"), values, 1, Duration.ofSeconds(10));

    @AfterEach
    void close() {
        groupCommit.close();
    }

    @Test
    void aBatchIsSerializedOnItsCallersThreadAndTheCommitterSendsExactlyThoseBytes() throws Exception {
        List<Outgoing<MetricObserved>> batch = IntStream.range(0, 3)
                .mapToObj(i -> new Outgoing<>(Topics.METRICS, "shop-" + i, sample("shop-" + i), TRACE)).toList();

        groupCommit.publishAsync(batch).get();

        assertThat(serializingThreads).containsExactly(Thread.currentThread().getName());
        List<ProducerRecord<String, byte[]>> committed = committed();
        assertThat(committed).extracting(ProducerRecord::key).containsExactly("shop-0", "shop-1", "shop-2");
        for (int i = 0; i < 3; i++) {
            ProducerRecord<String, byte[]> record = committed.get(i);
            assertThat(record.topic()).isEqualTo(Topics.METRICS.name());
            assertThat(record.value()).isEqualTo(avro.serialize(Topics.METRICS.name(), sample("shop-" + i)));
            assertThat(record.headers().lastHeader(Traceparent.HEADER).value()).asString()
                    .isEqualTo(TRACE.value());
        }
    }

    @Test
    void aBatchThatCannotBeSerializedIsRefusedAloneBeforeAnythingIsSentAndItsNeighbourIsCommitted() throws Exception {
        // A null metric name breaks the schema: Avro refuses to write it.
        MetricObserved unwritable = new MetricObserved(new EventMetadata("id-x", AT, "ci"), "broken", null, null, 1.0,
                AT, Map.of());
        List<Outgoing<MetricObserved>> bad = List.of(new Outgoing<>(Topics.METRICS, "broken-0", sample("broken-0")),
                new Outgoing<>(Topics.METRICS, "broken", unwritable));
        List<Outgoing<MetricObserved>> good = List.of(new Outgoing<>(Topics.METRICS, "good-0", sample("good-0")),
                new Outgoing<>(Topics.METRICS, "good-1", sample("good-1")));

        CompletableFuture<Void> refused = groupCommit.publishAsync(bad);
        assertThat(refused).isCompletedExceptionally();
        groupCommit.publishAsync(good).get();

        assertThat(refused).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(EventNotStoredException.class);
        assertThat(committed()).extracting(ProducerRecord::key).containsExactly("good-0", "good-1");
        assertThat(producers).noneMatch(MockProducer::transactionAborted);
    }

    /** Records of committed transactions, in order (MockProducer keeps aborted ones out of its history). */
    private List<ProducerRecord<String, byte[]>> committed() {
        return producers.stream().flatMap(producer -> producer.history().stream()).toList();
    }

    private static MetricObserved sample(String target) {
        return new MetricObserved(new EventMetadata("id-" + target, AT, "ci"), target, null, "live_errors_total", 1.0,
                AT, Map.of());
    }
}
