package dev.greenlight.platform.testing;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Test-only: CPU time, allocations and GC of this JVM between two snapshots, with each live thread's
 * CPU summed into the part of the work its name says it does. Benchmarks and load ITs run a service,
 * its broker and the load in one JVM on a machine shared with other builds, so the process's CPU and
 * wall-clock figures mix all of them; the service's own threads' CPU and bytes allocated per request
 * or sample measure the service. Each module names its parts (an enum) and how a thread name maps to
 * one ({@link Parts}); what no live Java thread accounts for (JIT compiler, GC, native threads such as
 * RocksDB's, threads that ended) goes to the part the module names for it: the process total minus
 * the rest.
 *
 * @param <P> the module's parts, in print order
 */
public final class ThreadCpu<P extends Enum<P>> {

    /**
     * How a module splits its threads: {@code byThreadName} classifies each live thread's name,
     * {@code unaccounted} receives the process CPU that no live thread accounts for.
     */
    public record Parts<P extends Enum<P>>(Class<P> type, Function<String, P> byThreadName, P unaccounted) {
    }

    private final Parts<P> parts;
    private final Map<Long, Long> cpuByThread;
    private final Map<Long, Long> allocatedByThread;
    private final Map<Long, String> names;
    private final long process;
    private final long gcCount;
    private final long gcMillis;

    private ThreadCpu(Parts<P> parts, Map<Long, Long> cpuByThread, Map<Long, Long> allocatedByThread,
                      Map<Long, String> names, long process, long gcCount, long gcMillis) {
        this.parts = parts;
        this.cpuByThread = cpuByThread;
        this.allocatedByThread = allocatedByThread;
        this.names = names;
        this.process = process;
        this.gcCount = gcCount;
        this.gcMillis = gcMillis;
    }

    /** A snapshot of every live thread's CPU and allocations, the process's CPU and the GC totals. */
    public static <P extends Enum<P>> ThreadCpu<P> now(Parts<P> parts) {
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
        long process = processNanos();
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new ThreadCpu<>(parts, cpu, allocated, names, process, count, millis);
    }

    /** CPU time this JVM has used, in nanoseconds (0 where the JVM does not tell). */
    public static long processNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** Nanoseconds of CPU per part from {@code start} to this snapshot, every part present, in enum order. */
    public Map<P, Long> cpuSince(ThreadCpu<P> start) {
        Map<P, Long> byPart = new EnumMap<>(parts.type());
        for (P part : parts.type().getEnumConstants()) {
            byPart.put(part, 0L);
        }
        long threads = 0;
        for (Map.Entry<Long, Long> thread : cpuByThread.entrySet()) {
            long used = thread.getValue() - start.cpuByThread.getOrDefault(thread.getKey(), 0L);
            threads += used;
            byPart.merge(parts.byThreadName().apply(names.get(thread.getKey())), used, Long::sum);
        }
        byPart.put(parts.unaccounted(), Math.max(0, process - start.process - threads));
        return byPart;
    }

    /**
     * Bytes the threads of {@code counted} allocated since {@code start}. Unlike CPU time this hardly
     * moves with the machine's load (no cache misses, no starved JIT in it), so it is the steadier
     * figure to compare two versions of a hot path on a busy machine.
     */
    public long bytesAllocatedSince(ThreadCpu<P> start, Set<P> counted) {
        long bytes = 0;
        for (Map.Entry<Long, Long> thread : allocatedByThread.entrySet()) {
            if (counted.contains(parts.byThreadName().apply(names.get(thread.getKey())))) {
                bytes += thread.getValue() - start.allocatedByThread.getOrDefault(thread.getKey(), 0L);
            }
        }
        return bytes;
    }

    public long gcCountSince(ThreadCpu<P> start) {
        return gcCount - start.gcCount;
    }

    public long gcMillisSince(ThreadCpu<P> start) {
        return gcMillis - start.gcMillis;
    }

    /**
     * Collects the duration in ms of every stop-the-world GC pause from now on (a pause stops the
     * service's threads and the broker alike, so a long one lands in every request's wait at once).
     */
    public static List<Long> gcPausesFromNow() {
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
}
