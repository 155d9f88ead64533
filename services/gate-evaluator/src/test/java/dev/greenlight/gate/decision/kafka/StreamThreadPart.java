package dev.greenlight.gate.decision.kafka;

import dev.greenlight.platform.testing.ThreadCpu;
import java.util.Map;
import java.util.Set;

/**
 * Test-only: the parts {@link HotTargetIsolationIT} splits this JVM's CPU into ({@link ThreadCpu}),
 * in print order. The test runs the gate, its broker and the load in one JVM on a machine shared with
 * other builds, so wall-clock figures mostly measure the machine; the gate's stream threads' CPU and
 * bytes allocated per sample measure the gate. Thread names tell the parts apart:
 * {@code <application>-…-StreamThread-N} are the gate's stream threads (poll, process, punctuate,
 * commit), {@code kafka-producer-network-thread | …StreamThread…} their producers' I/O threads; what
 * no live Java thread accounts for (JIT compiler, GC, RocksDB's native flush and compaction threads)
 * is the process total minus the rest.
 */
enum StreamThreadPart {
    STREAM_THREADS, STREAM_PRODUCER_IO, BROKER_AND_TEST_CLIENTS, JIT_GC_ROCKSDB_NATIVE;

    static final ThreadCpu.Parts<StreamThreadPart> PARTS =
            new ThreadCpu.Parts<>(StreamThreadPart.class, StreamThreadPart::of, JIT_GC_ROCKSDB_NATIVE);

    static StreamThreadPart of(String thread) {
        if (thread.contains("StreamThread-")) {
            return thread.startsWith("kafka-producer-network-thread") ? STREAM_PRODUCER_IO : STREAM_THREADS;
        }
        return BROKER_AND_TEST_CLIENTS;
    }

    /** One line for the test's output: per sample, in microseconds and bytes. */
    static String perSample(ThreadCpu<StreamThreadPart> end, ThreadCpu<StreamThreadPart> start, long samples,
                            double seconds) {
        Map<StreamThreadPart, Long> cpu = end.cpuSince(start);
        StringBuilder line = new StringBuilder("  CPU per sample over the burst (µs):");
        cpu.forEach((part, nanos) -> line.append(String.format(" %s %.2f;", part.name().toLowerCase(),
                nanos / 1e3 / samples)));
        line.append(String.format(" stream threads allocated %,d B per sample; stream threads busy %.0f %% of %.1f s"
                        + " (of one core); GC %d collections, %,d ms",
                end.bytesAllocatedSince(start, Set.of(STREAM_THREADS)) / samples,
                cpu.get(STREAM_THREADS) / 1e9 / seconds * 100, seconds, end.gcCountSince(start),
                end.gcMillisSince(start)));
        return line.toString();
    }
}
