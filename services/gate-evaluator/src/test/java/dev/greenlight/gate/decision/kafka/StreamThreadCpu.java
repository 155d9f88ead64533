package dev.greenlight.gate.decision.kafka;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test-only: CPU time and allocations of this JVM's threads between two snapshots, summed by whose
 * work they do ({@link HotTargetIsolationIT}). The test runs the gate, its broker and the load in
 * one JVM on a machine shared with other builds, so wall-clock figures mostly measure the machine;
 * the gate's stream threads' CPU and bytes allocated per sample measure the gate. Thread names tell
 * the parts apart: {@code <application>-…-StreamThread-N} are the gate's stream threads (poll,
 * process, punctuate, commit), {@code kafka-producer-network-thread | …StreamThread…} their
 * producers' I/O threads; what no live Java thread accounts for (JIT compiler, GC, RocksDB's native
 * flush and compaction threads) is the process total minus the rest.
 */
final class StreamThreadCpu {

    /** The parts a snapshot is split into, in print order. */
    enum Part {
        STREAM_THREADS, STREAM_PRODUCER_IO, BROKER_AND_TEST_CLIENTS, JIT_GC_ROCKSDB_NATIVE
    }

    private final Map<Long, Long> cpuByThread;
    private final Map<Long, Long> allocatedByThread;
    private final Map<Long, String> names;
    private final long process;
    private final long gcCount;
    private final long gcMillis;

    private StreamThreadCpu(Map<Long, Long> cpuByThread, Map<Long, Long> allocatedByThread, Map<Long, String> names,
                            long process, long gcCount, long gcMillis) {
        this.cpuByThread = cpuByThread;
        this.allocatedByThread = allocatedByThread;
        this.names = names;
        this.process = process;
        this.gcCount = gcCount;
        this.gcMillis = gcMillis;
    }

    static StreamThreadCpu now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean allocations = threads instanceof com.sun.management.ThreadMXBean a ? a : null;
        Map<Long, Long> cpu = new HashMap<>();
        Map<Long, Long> allocated = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
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
        long process = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new StreamThreadCpu(cpu, allocated, names, process, count, millis);
    }

    /** Nanoseconds of CPU per part from {@code start} to this snapshot. */
    Map<Part, Long> cpuSince(StreamThreadCpu start) {
        Map<Part, Long> parts = new LinkedHashMap<>();
        for (Part part : Part.values()) {
            parts.put(part, 0L);
        }
        long threads = 0;
        for (Map.Entry<Long, Long> thread : cpuByThread.entrySet()) {
            long used = thread.getValue() - start.cpuByThread.getOrDefault(thread.getKey(), 0L);
            threads += used;
            parts.merge(partOf(names.get(thread.getKey())), used, Long::sum);
        }
        parts.put(Part.JIT_GC_ROCKSDB_NATIVE, Math.max(0, process - start.process - threads));
        return parts;
    }

    /** Bytes the gate's stream threads allocated since {@code start}: steadier than CPU on a loaded machine. */
    long streamThreadBytesSince(StreamThreadCpu start) {
        long bytes = 0;
        for (Map.Entry<Long, Long> thread : allocatedByThread.entrySet()) {
            if (partOf(names.get(thread.getKey())) == Part.STREAM_THREADS) {
                bytes += thread.getValue() - start.allocatedByThread.getOrDefault(thread.getKey(), 0L);
            }
        }
        return bytes;
    }

    long gcCountSince(StreamThreadCpu start) {
        return gcCount - start.gcCount;
    }

    long gcMillisSince(StreamThreadCpu start) {
        return gcMillis - start.gcMillis;
    }

    static Part partOf(String thread) {
        if (thread.contains("StreamThread-")) {
            return thread.startsWith("kafka-producer-network-thread") ? Part.STREAM_PRODUCER_IO : Part.STREAM_THREADS;
        }
        return Part.BROKER_AND_TEST_CLIENTS;
    }

    /**
     * Collects every GC pause from now on (a pause stops the stream threads and the broker alike, so
     * a long one lands in every registration's wait at once).
     */
    static List<Long> gcPausesFromNow() {
        List<Long> pauses = Collections.synchronizedList(new ArrayList<>());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof javax.management.NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                            .equals(notification.getType())) {
                        var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                                (javax.management.openmbean.CompositeData) notification.getUserData());
                        // Concurrent cycles (G1 Concurrent GC) do not stop the threads.
                        if (!info.getGcName().contains("Concurrent")) {
                            pauses.add(info.getGcInfo().getDuration());
                        }
                    }
                }, null, null);
            }
        }
        return pauses;
    }

    /** One line for the test's output: per sample, in microseconds and bytes. */
    String perSample(StreamThreadCpu start, long samples, double seconds) {
        Map<Part, Long> cpu = cpuSince(start);
        StringBuilder line = new StringBuilder("  CPU per sample over the burst (µs):");
        cpu.forEach((part, nanos) -> line.append(String.format(" %s %.2f;", part.name().toLowerCase(),
                nanos / 1e3 / samples)));
        line.append(String.format(" stream threads allocated %,d B per sample; stream threads busy %.0f %% of %.1f s"
                        + " (of one core); GC %d collections, %,d ms",
                streamThreadBytesSince(start) / samples,
                cpu.get(Part.STREAM_THREADS) / 1e9 / seconds * 100, seconds, gcCountSince(start),
                gcMillisSince(start)));
        return line.toString();
    }
}
