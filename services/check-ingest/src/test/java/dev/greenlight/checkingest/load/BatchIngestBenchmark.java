package dev.greenlight.checkingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.checkingest.FixedClock;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.platform.kafka.CatalogueAvroSerializer;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.topics.Topics;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The batch half of {@link IngestLoadBenchmark} alone, for profiling the batch path without the
 * one-sample phase: the raw idempotent {@code acks=all} producer with the very bytes check-ingest
 * writes for a sample — once with Kafka's defaults, once with the batching and compression settings
 * check-ingest's event producer uses, so the ceiling is never weaker than what it is compared with — then batches of 100
 * from 32 connections. Prints the same figures (SERVER CPU per request, KB allocated per request)
 * and the ratio to the stronger raw figure. Not part of the build; run by hand:
 *
 * <pre>
 * ./mvnw -B -pl services/check-ingest test -Dtest=BatchIngestBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dload.seconds=10 -Dload.warmup=15 [-Dload.batch=100] [-Dload.jfr=/tmp/ingest-jfr] [-DargLine=-XX:TieredStopAtLevel=1]
 * </pre>
 */
@Tag("load")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=check-ingest",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.security.demo-users=true",
        "logging.level.root=WARN"})
@EmbeddedKafka(topics = IngestLoadBenchmark.RAW_TOPIC, partitions = 3)
@Import({InMemoryRegistryConfiguration.class, FixedClock.class})
class BatchIngestBenchmark {

    private static final Instant OBSERVED_AT = Instant.parse("2026-11-22T10:00:00Z");

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    DefaultKafkaProducerFactory<String, Object> eventProducerFactory;
    @Autowired
    SchemaRegistryClient registry;

    @Test
    void batchesAgainstTheRawProducer() throws Exception {
        Duration seconds = Duration.ofSeconds(Long.getLong("load.seconds", 10));
        int connections = Integer.getInteger("load.connections", 32);
        int size = Integer.getInteger("load.batch", 100);
        Duration warmUp = Duration.ofSeconds(Long.getLong("load.warmup", 5));
        URI metrics = URI.create("http://localhost:" + port + "/api/v1/metrics");
        Map<String, Object> producer = eventProducerFactory.getConfigurationProperties();
        // The settings of check-ingest's event producer that change how records travel: the second
        // raw run uses them too, so the ceiling is never weaker than the producer compared with it.
        Map<String, Object> same = new java.util.HashMap<>();
        for (String setting : java.util.List.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, ProducerConfig.BATCH_SIZE_CONFIG,
                ProducerConfig.LINGER_MS_CONFIG)) {
            if (producer.containsKey(setting)) {
                same.put(setting, producer.get(setting));
            }
        }

        byte[] record = sampleBytes();
        RawProducerLoad.run(brokers, IngestLoadBenchmark.RAW_TOPIC, warmUp, IngestLoadBenchmark::target, record,
                Map.of());
        RawProducerLoad.Result raw = RawProducerLoad.run(brokers, IngestLoadBenchmark.RAW_TOPIC, seconds,
                IngestLoadBenchmark::target, record, Map.of());
        RawProducerLoad.Result rawCompressed = RawProducerLoad.run(brokers, IngestLoadBenchmark.RAW_TOPIC, seconds,
                IngestLoadBenchmark::target, record, same);
        HttpIngestLoad.Result batches = HttpIngestLoad.run(metrics, "demo-ci", connections, warmUp, seconds, size,
                n -> IngestLoadBenchmark.batch(n, size), "http-batch");
        double ceiling = Math.max(raw.recordsPerSecond(), rawCompressed.recordsPerSecond());

        System.out.println("\n=== check-ingest batches, " + connections + " connections, " + seconds.toSeconds()
                + " s each, " + Runtime.getRuntime().availableProcessors() + " cores, event producer settings " + same
                + " ===");
        System.out.println("raw idempotent acks=all producer:            " + raw);
        System.out.println("raw, with those settings:                     " + rawCompressed);
        System.out.println("HTTP, batches of " + size + ":                        " + batches);
        System.out.printf("batch samples/s vs the stronger raw rec/s: %.1f %% (vs uncompressed raw %.1f %%)%n",
                100 * batches.itemsPerSecond() / ceiling, 100 * batches.itemsPerSecond() / raw.recordsPerSecond());
        System.out.printf("check-ingest CPU per batch of %d: %.3f ms (%.4f ms per sample); allocated %.1f KB "
                        + "(%.2f KB per sample)%n%n", size, batches.serverCpuMillisPerRequest(),
                batches.serverCpuMillisPerRequest() / size, batches.serverKilobytesPerRequest(),
                batches.serverKilobytesPerRequest() / size);
        assertThat(batches.failures()).isZero();
    }

    /** The bytes check-ingest writes for one sample of the load (as {@link IngestLoadBenchmark}). */
    private byte[] sampleBytes() {
        MetricObserved value = MetricObserved.newBuilder()
                .setMeta(EventMetadata.newBuilder().setEventId(UUID.nameUUIDFromBytes(new byte[] {1}).toString())
                        .setOccurredAt(OBSERVED_AT).setPrincipal("ci").build())
                .setTarget(IngestLoadBenchmark.target(123)).setVersion(null).setName("live_errors_total")
                .setValue(12345).setObservedAt(OBSERVED_AT).setLabels(Map.of()).build();
        try (CatalogueAvroSerializer serializer = new CatalogueAvroSerializer(registry, Topics.all())) {
            return serializer.serialize(Topics.METRICS.name(), value);
        }
    }
}
