package dev.greenlight.checkingest.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of this JVM's threads, summed by whose work they do, between two snapshots. The
 * benchmark runs check-ingest, its broker and the load generator in one JVM, so the process's CPU
 * per request mixes all three; the thread names tell them apart: {@code http-nio-*} is
 * check-ingest's request path (Tomcat), {@code kafka-producer-network-thread | check-ingest*} and
 * {@code check-ingest-group-commit-*} its Kafka side, {@code HttpClient-*} and {@code ingest-load-*}
 * the load generator. What no live Java thread accounts for (JIT compiler, GC, threads that ended)
 * is the process total minus the rest.
 */
final class ThreadCpu {

    /** The parts a snapshot is split into, in print order. */
    enum Part {
        SERVER_HTTP, SERVER_KAFKA, LOAD_GENERATOR, BROKER_AND_OTHER_THREADS, JIT_GC_AND_ENDED_THREADS
    }

    private final Map<Long, Long> byThread;
    private final Map<Long, Long> allocatedByThread;
    private final Map<Long, String> names;
    private final long process;

    private ThreadCpu(Map<Long, Long> byThread, Map<Long, Long> allocatedByThread, Map<Long, String> names,
                      long process) {
        this.byThread = byThread;
        this.allocatedByThread = allocatedByThread;
        this.names = names;
        this.process = process;
    }

    static ThreadCpu now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> allocated = new HashMap<>();
        com.sun.management.ThreadMXBean allocations = threads instanceof com.sun.management.ThreadMXBean a ? a : null;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            if (nanos >= 0) {
                cpu.put(info.getThreadId(), nanos);
                names.put(info.getThreadId(), info.getThreadName());
                if (allocations != null) {
                    allocated.put(info.getThreadId(), allocations.getThreadAllocatedBytes(info.getThreadId()));
                }
            }
        }
        return new ThreadCpu(cpu, allocated, names, ProcessCpu.nanos());
    }

    /** Nanoseconds of CPU per part from {@code start} to this snapshot. */
    Map<Part, Long> since(ThreadCpu start) {
        Map<Part, Long> parts = new LinkedHashMap<>();
        for (Part part : Part.values()) {
            parts.put(part, 0L);
        }
        long threads = 0;
        for (Map.Entry<Long, Long> thread : byThread.entrySet()) {
            long used = thread.getValue() - start.byThread.getOrDefault(thread.getKey(), 0L);
            threads += used;
            parts.merge(partOf(names.get(thread.getKey())), used, Long::sum);
        }
        parts.put(Part.JIT_GC_AND_ENDED_THREADS, Math.max(0, process - start.process - threads));
        return parts;
    }

    /**
     * Bytes check-ingest's threads (request path and producers) allocated since {@code start}. Unlike
     * CPU time this hardly moves with the machine's load (no cache misses, no starved JIT in it), so
     * it is the steadier figure to compare two versions of the request path on a busy machine.
     */
    long serverBytesAllocatedSince(ThreadCpu start) {
        long bytes = 0;
        for (Map.Entry<Long, Long> thread : allocatedByThread.entrySet()) {
            Part part = partOf(names.get(thread.getKey()));
            if (part == Part.SERVER_HTTP || part == Part.SERVER_KAFKA) {
                bytes += thread.getValue() - start.allocatedByThread.getOrDefault(thread.getKey(), 0L);
            }
        }
        return bytes;
    }

    static Part partOf(String thread) {
        if (thread.startsWith("http-nio-")) {
            return Part.SERVER_HTTP;
        }
        if (thread.startsWith("check-ingest-group-commit-")
                || thread.startsWith("kafka-producer-network-thread") && thread.contains("check-ingest")) {
            return Part.SERVER_KAFKA;
        }
        if (thread.startsWith("HttpClient-") || thread.startsWith("ingest-load-")) {
            return Part.LOAD_GENERATOR;
        }
        return Part.BROKER_AND_OTHER_THREADS;
    }
}
