package dev.greenlight.cli.bench;

import dev.greenlight.cli.stack.StackService;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * HTTP ingest through the public API ({@code POST /api/v1/metrics} as {@code demo-ci}): one sample
 * per request from many connections, then batches of 100, each against the raw producer of the
 * same run. A 2xx means the broker acknowledged, so the comparison is like for like. The requests
 * go out over lean keep-alive sockets ({@link IngestConnections}), so the load generator takes
 * little of the CPU the server needs.
 */
final class IngestBench {

    private static final int BATCH = 100;

    private final BenchStack stack;
    private final BenchHttp http;
    private final String runId;

    IngestBench(BenchStack stack, BenchHttp http, String runId) {
        this.stack = stack;
        this.http = http;
        this.runId = runId;
    }

    private String metricsUrl() {
        return stack.url(StackService.CHECK_INGEST) + "/api/v1/metrics";
    }

    private String target(long n) {
        return "bench-" + runId + "-m" + (n % 64);
    }

    /** Posts one sample and reads it back raw from the metrics topic: the size of a real record. */
    RecordShape observeShape() {
        Map<String, Object> config = new HashMap<>(stack.superUser());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        String target = target(0);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < Topics.METRICS.partitions(); p++) {
                partitions.add(new TopicPartition(Topics.METRICS.name(), p));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            http.postOk(metricsUrl(), "ci", Evidence.metric(target, 0, stack.clock().instant()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.key() != null && record.value() != null
                            && target.equals(new String(record.key(), java.nio.charset.StandardCharsets.UTF_8))) {
                        return new RecordShape(record.key().length, record.value().length);
                    }
                }
            }
            throw new IllegalStateException("the posted metric sample did not show up on " + Topics.METRICS.name());
        }
    }

    Section measure(int clients, Duration phase, KafkaCeilings.Result raw) throws InterruptedException {
        // Warm-up of each request shape before it is measured: connections, producer ids and the
        // JIT, which had not compiled check-ingest's request path after the 1 s this used to be
        // (profiles of IngestLoadBenchmark: CPU per request still falling after 10 s at load).
        Duration warmUp = warmUp(phase);
        Load.Run single;
        Load.Run batch;
        try (IngestConnections connections = new IngestConnections(metricsUrl(), "ci")) {
            Load.closed(clients, warmUp, (i, due) -> single(connections, i));
            single = Load.closed(clients, phase, (i, due) -> single(connections, i));
        }
        try (IngestConnections connections = new IngestConnections(metricsUrl(), "ci")) {
            Load.closed(clients, warmUp, (i, due) -> batch(connections, i));
            batch = Load.closed(clients, phase, (i, due) -> batch(connections, i));
        }
        Latencies singleLatency = Latencies.of(single.latencies());
        List<Figure> figures = new java.util.ArrayList<>();
        figures.add(new Figure("one sample per request, " + clients + " connections", single.perSecond(), "req/s",
                raw.producerPerSecond(), "raw producer rec/s"));
        if (singleLatency.count() > 0) {
            figures.add(new Figure("  request latency p50", singleLatency.percentileMillis(50), "ms",
                    raw.latency().percentileMillis(50), "raw produce→visible p50"));
            figures.add(new Figure("  request latency p99", singleLatency.percentileMillis(99), "ms",
                    raw.latency().percentileMillis(99), "raw produce→visible p99"));
            figures.add(new Figure("  request latency p99.9", singleLatency.percentileMillis(99.9), "ms",
                    raw.latency().percentileMillis(99.9), "raw produce→visible p99.9"));
        }
        figures.add(new Figure("batches of " + BATCH + ", " + clients + " connections", batch.perSecond() * BATCH,
                "samples/s", raw.producerPerSecond(), "raw producer rec/s"));
        List<String> notes = List.of(
                String.format(java.util.Locale.ROOT, "single: %,d requests in %.1f s, %d failed; batches: %,d requests in %.1f s, %d failed",
                        single.sent(), single.seconds(), single.failed(), batch.sent(), batch.seconds(), batch.failed())
                        + (single.firstFailure() != null ? "; first single failure: " + single.firstFailure() : "")
                        + (batch.firstFailure() != null ? "; first batch failure: " + batch.firstFailure() : ""));
        return Section.measured("http-ingest", "HTTP ingest", figures, notes);
    }

    /** Half a phase, at least 2 s: not counted. */
    static Duration warmUp(Duration phase) {
        Duration half = phase.dividedBy(2);
        return half.compareTo(Duration.ofSeconds(2)) < 0 ? Duration.ofSeconds(2) : half;
    }

    /**
     * Whether the ingest phases use the JDK client ({@code -Dgreenlight.bench.ingest-client=jdk}, as
     * runs before the fifth pass of docs/performance.md did) instead of lean keep-alive sockets.
     */
    private static boolean jdkClient() {
        return "jdk".equals(System.getProperty("greenlight.bench.ingest-client"));
    }

    private void single(IngestConnections connections, long i) {
        String json = Evidence.metric(target(i), i, stack.clock().instant());
        if (jdkClient()) {
            http.postOk(metricsUrl(), "ci", json);
        } else {
            connections.postOk(json);
        }
    }

    private void batch(IngestConnections connections, long i) {
        String json = Evidence.metricBatch(target(i), i * BATCH, BATCH, stack.clock().instant());
        if (jdkClient()) {
            http.postOk(metricsUrl(), "ci", json);
        } else {
            connections.postOk(json);
        }
    }
}
