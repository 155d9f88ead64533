package dev.greenlight.checkingest.load;

import dev.greenlight.platform.testing.ThreadCpu;
import dev.greenlight.platform.web.KeepAliveConnection;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Drives an ingest endpoint from {@code connections} concurrent clients, each sending its next
 * request as soon as the previous one is answered (closed loop, like 32 monitors or CI jobs), for a
 * fixed time, and reports requests/s, items/s and latency percentiles. Only 2xx answers count as
 * stored; anything else is counted as a failure (a run with failures is not a valid figure).
 *
 * <p>No Spring, so a benchmark harness can point it at any running check-ingest
 * ({@code ./greenlight bench}); {@link IngestLoadBenchmark} runs it against an embedded stack next to
 * {@link RawProducerLoad}. Each client is a {@link KeepAliveConnection} (a blocking socket, one
 * thread each); {@code -Dload.client=jdk} uses the JDK {@code HttpClient} instead, as earlier runs did.
 */
public final class HttpIngestLoad {

    private HttpIngestLoad() {
    }

    /** What one run measured. */
    public record Result(long requests, long failures, long items, double seconds, long p50Micros, long p99Micros,
                         long maxMicros, double cpuSeconds, Map<IngestCpuPart, Long> cpuNanosByPart,
                         long serverBytesAllocated) {

        /** CPU of check-ingest itself (its request threads and its Kafka producers) per request, in ms. */
        public double serverCpuMillisPerRequest() {
            return requests == 0 ? 0 : (cpuNanosByPart.get(IngestCpuPart.SERVER_HTTP)
                    + cpuNanosByPart.get(IngestCpuPart.SERVER_KAFKA)) / 1e6 / requests;
        }

        /** Bytes check-ingest's threads allocated per request, in KB (steadier than CPU on a busy machine). */
        public double serverKilobytesPerRequest() {
            return requests == 0 ? 0 : serverBytesAllocated / 1024.0 / requests;
        }

        private double millisPerRequest(IngestCpuPart part) {
            return requests == 0 ? 0 : cpuNanosByPart.get(part) / 1e6 / requests;
        }

        public double requestsPerSecond() {
            return requests / seconds;
        }

        public double itemsPerSecond() {
            return items / seconds;
        }

        @Override
        public String toString() {
            return String.format("%,d requests (%,d failed) in %.1f s: %,.0f req/s, %,.0f items/s, p50 %.1f ms, "
                    + "p99 %.1f ms, max %.1f ms, %.0f us CPU per request (this JVM, %.2f cores busy)%n"
                    + "    CPU ms per request: SERVER %.3f (request threads %.3f + its Kafka producers %.3f); "
                    + "load generator %.3f; broker and other threads %.3f; JIT, GC and ended threads %.3f%n"
                    + "    check-ingest allocated %.1f KB per request",
                    requests, failures, seconds,
                    requestsPerSecond(), itemsPerSecond(), p50Micros / 1000.0, p99Micros / 1000.0, maxMicros / 1000.0,
                    requests == 0 ? 0 : cpuSeconds * 1e6 / requests, cpuSeconds / seconds, serverCpuMillisPerRequest(),
                    millisPerRequest(IngestCpuPart.SERVER_HTTP), millisPerRequest(IngestCpuPart.SERVER_KAFKA),
                    millisPerRequest(IngestCpuPart.LOAD_GENERATOR),
                    millisPerRequest(IngestCpuPart.BROKER_AND_OTHER_THREADS),
                    millisPerRequest(IngestCpuPart.JIT_GC_AND_ENDED_THREADS), serverKilobytesPerRequest());
        }
    }

    /**
     * @param endpoint      e.g. {@code http://localhost:8181/api/v1/metrics}
     * @param token         bearer token of a publisher allowed for every target the bodies name
     * @param connections   concurrent clients (one connection each, HTTP/1.1)
     * @param duration      how long to measure (after {@code warmUp})
     * @param itemsPerBody  items in each body (1 for single-sample requests)
     * @param body          the n-th request body of a client (n counts over all clients)
     */
    public static Result run(URI endpoint, String token, int connections, Duration warmUp, Duration duration,
                             int itemsPerBody, LongFunction<String> body) throws InterruptedException {
        return run(endpoint, token, connections, warmUp, duration, itemsPerBody, body, null);
    }

    /** As above; with {@code -Dload.jfr=<dir>} the measured part (not the warm-up) is recorded as {@code <phase>.jfr}. */
    static Result run(URI endpoint, String token, int connections, Duration warmUp, Duration duration,
                      int itemsPerBody, LongFunction<String> body, String phase) throws InterruptedException {
        if (!warmUp.isZero()) {
            // At least warmUp, and at least load.warmup.items items: on a loaded machine a fixed time
            // may end before the JIT compiled the request path, and CPU per request then measures the
            // interpreter. Capped at ten minutes.
            long minItems = Long.getLong("load.warmup.items", 0);
            long cap = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            AtomicLong warmUpSequence = new AtomicLong(1_000_000_000L);
            long items = 0;
            do {
                items += drive(endpoint, token, connections, warmUp, itemsPerBody, body, warmUpSequence).items();
            } while (items < minItems && System.nanoTime() < cap);
        }
        if (phase == null) {
            return drive(endpoint, token, connections, duration, itemsPerBody, body, new AtomicLong());
        }
        try (PhaseRecording recording = PhaseRecording.start(phase)) {
            return drive(endpoint, token, connections, duration, itemsPerBody, body, new AtomicLong());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Result drive(URI endpoint, String token, int connections, Duration duration, int itemsPerBody,
                                LongFunction<String> body, AtomicLong sequence) throws InterruptedException {
        List<long[]> latencies = new ArrayList<>();
        long[] counts = new long[connections];
        long[] failures = new long[connections];
        CountDownLatch done = new CountDownLatch(connections);
        // Workers stay alive until the end snapshot is taken, so their CPU counts as the load
        // generator's and not as "ended threads".
        CountDownLatch measured = new CountDownLatch(1);
        long cpuStart = ThreadCpu.processNanos();
        ThreadCpu<IngestCpuPart> threadsAtStart = ThreadCpu.now(IngestCpuPart.PARTS);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        // -Dload.client=jdk drives the JDK HttpClient (the previous passes' client, for comparison);
        // by default each worker owns one lean keep-alive socket (KeepAliveConnection), so the load
        // generator's CPU does not crowd out the server it measures on a small machine.
        boolean jdk = "jdk".equals(System.getProperty("load.client", "socket"));
        // One JDK client: it keeps one pooled connection per concurrently waiting caller.
        HttpClient http = jdk ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build() : null;
        for (int c = 0; c < connections; c++) {
            int client = c;
            long[] mine = new long[1 << 16];
            latencies.add(mine);
            Thread worker = new Thread(() -> {
                long[] samples = mine;
                int n = 0;
                KeepAliveConnection connection = jdk ? null : new KeepAliveConnection(endpoint, token);
                try {
                    while (System.nanoTime() < end) {
                        String next = body.apply(sequence.getAndIncrement());
                        long sent = System.nanoTime();
                        int status;
                        try {
                            status = jdk ? http.send(request(endpoint, token, next), HttpResponse.BodyHandlers.discarding())
                                    .statusCode() : connection.post(next.getBytes(StandardCharsets.UTF_8));
                        } catch (IOException e) {
                            status = 0;
                        }
                        long micros = (System.nanoTime() - sent) / 1000;
                        if (status / 100 == 2) {
                            counts[client]++;
                            if (n == samples.length) {
                                samples = Arrays.copyOf(samples, n * 2);
                                latencies.set(client, samples);
                            }
                            samples[n++] = micros;
                        } else {
                            failures[client]++;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    if (connection != null) {
                        connection.close();
                    }
                    latencies.set(client, Arrays.copyOf(samples, n));
                    done.countDown();
                    try {
                        measured.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, "ingest-load-" + c);
            worker.setDaemon(true);
            worker.start();
        }
        done.await();
        ThreadCpu<IngestCpuPart> threadsAtEnd = ThreadCpu.now(IngestCpuPart.PARTS);
        measured.countDown();
        Map<IngestCpuPart, Long> byPart = threadsAtEnd.cpuSince(threadsAtStart);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (ThreadCpu.processNanos() - cpuStart) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        long requests = Arrays.stream(counts).sum();
        return new Result(requests, Arrays.stream(failures).sum(), requests * itemsPerBody, seconds,
                percentile(all, 0.50), percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1], cpuSeconds, byPart,
                threadsAtEnd.bytesAllocatedSince(threadsAtStart, IngestCpuPart.SERVER));
    }

    private static HttpRequest request(URI endpoint, String token, String body) {
        return HttpRequest.newBuilder(endpoint)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
