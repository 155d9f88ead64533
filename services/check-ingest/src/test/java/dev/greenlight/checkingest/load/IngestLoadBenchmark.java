package dev.greenlight.checkingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.checkingest.FixedClock;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.platform.kafka.CatalogueAvroSerializer;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.testing.ThreadCpu;
import dev.greenlight.platform.topics.Topics;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Ingest throughput next to its ceiling, measured in the same run on the same broker: a raw
 * idempotent {@code acks=all} producer with the very bytes check-ingest writes for a sample, then
 * HTTP ingest with one sample per request, the same requests against a bare servlet on the same
 * Tomcat (the machine's HTTP ceiling, {@link BareHttpCeiling}), the same bare servlet sending one
 * record per request and answering on its ack (the composite ceiling of any one-record-per-request
 * path, {@link BareHttpCeiling#sendingOneRecord}), and batches of 100, each from 32 connections.
 * Prints the figures and the ratios — one-sample requests against the composite ceiling, next to
 * what the bare servlet and the raw closed loop would predict if their CPU simply added up
 * ({@code 1 / (1/bare + 1/closed loop)}) — and how many cores each phase kept busy; asserts only
 * that nothing failed (speeds are benchmarks, never test
 * assertions). Not part of the build (the name matches no test pattern); run by hand:
 *
 * <pre>
 * ./mvnw -B -Dmaven.repo.local=... -pl services/check-ingest test -Dtest=IngestLoadBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dload.seconds=20] [-Dload.connections=32] \
 *     [-Dload.ceiling.linger=0]   # linger.ms of the composite ceiling's producer (the raw closed loop's is 0)
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
class IngestLoadBenchmark {

    static final String RAW_TOPIC = "load.raw";
    private static final int TARGETS = 200;
    private static final String OBSERVED_AT = "2026-11-22T10:00:00Z";

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    SchemaRegistryClient registry;

    @Test
    void singleSamplesAndBatchesAgainstTheRawProducer() throws Exception {
        Duration seconds = Duration.ofSeconds(Long.getLong("load.seconds", 20));
        int connections = Integer.getInteger("load.connections", 32);
        Duration warmUp = Duration.ofSeconds(Long.getLong("load.warmup", 5));
        URI metrics = URI.create("http://localhost:" + port + "/api/v1/metrics");

        long idleStart = ThreadCpu.processNanos();
        Thread.sleep(3_000);
        double idleCores = (ThreadCpu.processNanos() - idleStart) / 3e9;
        // -Dload.phases=single measures only the one-sample HTTP phase (quicker A/B runs of the request path).
        boolean all = !"single".equals(System.getProperty("load.phases", "all"));
        RawProducerLoad.Result raw = null;
        RawProducerLoad.Result closedLoop = null;
        byte[] record = sampleBytes();
        if (all) {
            RawProducerLoad.run(brokers, RAW_TOPIC, warmUp, n -> target(n), record);
            raw = RawProducerLoad.run(brokers, RAW_TOPIC, seconds, n -> target(n), record);
            // Warmed up like every HTTP phase, so the prediction below is not held down by the JIT.
            RawProducerLoad.closedLoop(brokers, RAW_TOPIC, connections, warmUp, n -> target(n), record);
            closedLoop = RawProducerLoad.closedLoop(brokers, RAW_TOPIC, connections, seconds, n -> target(n), record);
        }
        HttpIngestLoad.Result single = HttpIngestLoad.run(metrics, "demo-ci", connections, warmUp, seconds, 1,
                IngestLoadBenchmark::sample, "http-single");
        // The machine's HTTP ceiling in the same run: a bare servlet on the same Tomcat, same client and bodies.
        HttpIngestLoad.Result bare;
        try (BareHttpCeiling ceiling = BareHttpCeiling.start()) {
            bare = HttpIngestLoad.run(ceiling.endpoint(), "demo-ci", connections, warmUp, seconds, 1,
                    IngestLoadBenchmark::sample, "http-bare");
        }
        // The ceiling of any path storing one record per request: the bare servlet, plus one acked send.
        int ceilingLinger = Integer.getInteger("load.ceiling.linger", 0);
        HttpIngestLoad.Result composite;
        try (BareHttpCeiling ceiling = BareHttpCeiling.sendingOneRecord(brokers, RAW_TOPIC, ceilingLinger,
                IngestLoadBenchmark::target, record)) {
            composite = HttpIngestLoad.run(ceiling.endpoint(), "demo-ci", connections, warmUp, seconds, 1,
                    IngestLoadBenchmark::sample, "http-composite");
        }
        HttpIngestLoad.Result batches = all ? HttpIngestLoad.run(metrics, "demo-ci", connections, warmUp, seconds, 100,
                n -> batch(n, 100), "http-batch") : null;

        System.out.println("\n=== check-ingest load, " + connections + " connections, " + seconds.toSeconds() + " s each"
                + ", " + Runtime.getRuntime().availableProcessors() + " cores ===");
        System.out.printf("this JVM idle (app + broker, no load): %.2f cores busy%n", idleCores);
        System.out.println("HTTP, 1 sample per request:       " + single);
        System.out.println("bare servlet, same Tomcat/client: " + bare);
        System.out.println("bare servlet + one acked record (linger.ms " + ceilingLinger + "): " + composite);
        System.out.printf("single requests/s vs the bare servlet's: %.1f %%; vs bare servlet + one acked record: %.1f %%%n",
                100 * single.requestsPerSecond() / bare.requestsPerSecond(),
                100 * single.requestsPerSecond() / composite.requestsPerSecond());
        if (!all) {
            System.out.printf("check-ingest CPU per request (its request threads + its producers): single %.3f ms; "
                    + "allocated: single %.1f KB%n%n", single.serverCpuMillisPerRequest(), single.serverKilobytesPerRequest());
            assertThat(single.failures()).isZero();
            assertThat(bare.failures()).isZero();
            assertThat(composite.failures()).isZero();
            return;
        }
        System.out.println("raw idempotent acks=all producer: " + raw);
        System.out.println("raw, " + connections + " senders waiting for each ack: " + closedLoop);
        System.out.println("HTTP, batches of 100:             " + batches);
        // If the bare exchange and the acked send each saturate the machine, their CPU per request adds up.
        double predicted = 1 / (1 / bare.requestsPerSecond() + 1 / closedLoop.recordsPerSecond());
        System.out.printf("composite ceiling: measured %,.0f req/s; predicted from bare servlet and raw closed loop "
                        + "1/(1/%,.0f + 1/%,.0f) = %,.0f req/s (measured/predicted %.2f)%n",
                composite.requestsPerSecond(), bare.requestsPerSecond(), closedLoop.recordsPerSecond(), predicted,
                composite.requestsPerSecond() / predicted);
        System.out.printf("single requests/s vs raw rec/s: %.1f %% (vs raw closed loop: %.1f %%; "
                        + "vs bare servlet + one acked record: %.1f %%); batch samples/s vs raw rec/s: %.1f %%%n%n",
                100 * single.requestsPerSecond() / raw.recordsPerSecond(),
                100 * single.requestsPerSecond() / closedLoop.recordsPerSecond(),
                100 * single.requestsPerSecond() / composite.requestsPerSecond(),
                100 * batches.itemsPerSecond() / raw.recordsPerSecond());
        // Rates move with the machine's other load; CPU per request much less: compare these across runs.
        System.out.printf("check-ingest CPU per request (its request threads + its producers): single %.3f ms, "
                        + "batch of 100 %.3f ms (%.4f ms per sample); allocated: single %.1f KB, batch of 100 %.1f KB%n%n",
                single.serverCpuMillisPerRequest(), batches.serverCpuMillisPerRequest(),
                batches.serverCpuMillisPerRequest() / 100, single.serverKilobytesPerRequest(),
                batches.serverKilobytesPerRequest());
        assertThat(single.failures()).isZero();
        assertThat(bare.failures()).isZero();
        assertThat(composite.failures()).isZero();
        assertThat(batches.failures()).isZero();
    }

    static String target(long n) {
        return "load-" + (n % TARGETS);
    }

    static String sample(long n) {
        return "{\"target\":\"" + target(n) + "\",\"name\":\"live_errors_total\",\"value\":" + n
                + ",\"observedAt\":\"" + OBSERVED_AT + "\"}";
    }

    static String batch(long n, int size) {
        StringBuilder body = new StringBuilder(size * 100).append('[');
        for (int i = 0; i < size; i++) {
            body.append(i == 0 ? "" : ",").append(sample(n * size + i));
        }
        return body.append(']').toString();
    }

    /** The bytes check-ingest writes for one such sample (same schema id, same content-derived id length). */
    private byte[] sampleBytes() {
        try (CatalogueAvroSerializer serializer = new CatalogueAvroSerializer(registry, Topics.all())) {
            return serializer.serialize(Topics.METRICS.name(), sampleValue());
        }
    }

    private static MetricObserved sampleValue() {
        return MetricObserved.newBuilder()
                .setMeta(EventMetadata.newBuilder().setEventId(java.util.UUID.nameUUIDFromBytes(new byte[] {1}).toString())
                        .setOccurredAt(Instant.parse(OBSERVED_AT)).setPrincipal("ci").build())
                .setTarget(target(123)).setVersion(null).setName("live_errors_total").setValue(12345)
                .setObservedAt(Instant.parse(OBSERVED_AT)).setLabels(Map.of()).build();
    }
}
