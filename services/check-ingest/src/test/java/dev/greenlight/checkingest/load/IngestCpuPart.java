package dev.greenlight.checkingest.load;

import dev.greenlight.platform.testing.ThreadCpu;
import java.util.Set;

/**
 * The parts the ingest load benchmarks split this JVM's CPU into ({@link ThreadCpu}), in print order.
 * The benchmark runs check-ingest, its broker and the load generator in one JVM, so the process's
 * CPU per request mixes all three; the thread names tell them apart: {@code http-nio-*} is
 * check-ingest's request path (Tomcat), {@code kafka-producer-network-thread | check-ingest*} and
 * {@code check-ingest-group-commit-*} its Kafka side (and the producer of the composite ceiling,
 * {@link BareHttpCeiling#sendingOneRecord}, which stands in for it), {@code HttpClient-*} and {@code ingest-load-*}
 * the load generator. What no live Java thread accounts for (JIT compiler, GC, threads that ended)
 * is the process total minus the rest.
 */
public enum IngestCpuPart {
    SERVER_HTTP, SERVER_KAFKA, LOAD_GENERATOR, BROKER_AND_OTHER_THREADS, JIT_GC_AND_ENDED_THREADS;

    static final ThreadCpu.Parts<IngestCpuPart> PARTS =
            new ThreadCpu.Parts<>(IngestCpuPart.class, IngestCpuPart::of, JIT_GC_AND_ENDED_THREADS);

    /** check-ingest's own threads: the request path and its producers. */
    static final Set<IngestCpuPart> SERVER = Set.of(SERVER_HTTP, SERVER_KAFKA);

    static IngestCpuPart of(String thread) {
        if (thread.startsWith("http-nio-")) {
            return SERVER_HTTP;
        }
        if (thread.startsWith("check-ingest-group-commit-")
                || thread.startsWith("kafka-producer-network-thread") && (thread.contains("check-ingest")
                        || thread.contains(BareHttpCeiling.PRODUCER_CLIENT_ID))) {
            return SERVER_KAFKA;
        }
        if (thread.startsWith("HttpClient-") || thread.startsWith("ingest-load-")) {
            return LOAD_GENERATOR;
        }
        return BROKER_AND_OTHER_THREADS;
    }
}
