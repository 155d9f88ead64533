package dev.greenlight.gate.decision.kafka;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only: this process's CPU split by operating-system thread, read from
 * {@code /proc/self/task/<tid>/stat} (name and user + system time) at two instants
 * ({@link HotTargetIsolationIT}). {@link dev.greenlight.platform.testing.ThreadCpu} sees only Java
 * threads through the {@code ThreadMXBean} and puts the rest into one remainder — JIT compilers, the
 * garbage collector's workers, RocksDB's native flush and compaction threads — which in an idle
 * million-sample run was the largest part of the burst's CPU; the kernel sees every thread. Threads
 * are grouped by their name without trailing numbers (the kernel keeps a name's first 15 characters,
 * which HotSpot sets from the Java thread's name), so the 16 threads of a pool are one line. And the
 * machine's CPU from {@code /proc/stat} over the same interval: how much of it was busy, how much the
 * hypervisor took (steal) and how much went to other processes — the same work has taken from 62 to
 * 122 CPU seconds between idle runs, and these tell a slower machine from a slower gate. Linux only;
 * elsewhere the lines say so.
 */
final class OsThreadCpu {

    /** Linux's USER_HZ: /proc reports CPU times in these ticks (100 a second on every common kernel). */
    private static final double TICKS_PER_SECOND = 100;
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final Path STAT = Path.of("/proc/stat");

    /** Thread id → (name, CPU ticks used). */
    private final Map<Integer, Map.Entry<String, Long>> threads;
    /** The machine's "cpu" line of /proc/stat: user nice system idle iowait irq softirq steal …; empty if unreadable. */
    private final long[] machine;

    private OsThreadCpu(Map<Integer, Map.Entry<String, Long>> threads, long[] machine) {
        this.threads = threads;
        this.machine = machine;
    }

    static OsThreadCpu now() {
        Map<Integer, Map.Entry<String, Long>> threads = new HashMap<>();
        long[] machine = machine();
        if (!Files.isDirectory(TASKS)) {
            return new OsThreadCpu(threads, machine);
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                // "tid (name) state ppid … utime stime …": the name may hold spaces and parentheses.
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String name = stat.substring(open + 1, close);
                String[] fields = stat.substring(close + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                threads.put(Integer.parseInt(task.getFileName().toString()), Map.entry(name, ticks));
            }
        } catch (IOException unreadable) {
            return new OsThreadCpu(Map.of(), machine);
        }
        return new OsThreadCpu(threads, machine);
    }

    private static long[] machine() {
        try {
            String cpu = Files.readAllLines(STAT).get(0);
            return java.util.Arrays.stream(cpu.substring("cpu".length()).trim().split("\\s+"))
                    .mapToLong(Long::parseLong).toArray();
        } catch (IOException | RuntimeException unreadable) {
            return new long[0];
        }
    }

    /**
     * The machine's CPU since {@code start}: busy (all but idle and iowait) as a share of every core's
     * time, what the hypervisor took (steal), and what of the busy time was not this process's.
     */
    String machineSince(OsThreadCpu start) {
        if (machine.length < 8 || start.machine.length < 8) {
            return "  machine CPU: /proc/stat not readable here";
        }
        long[] used = new long[8];
        for (int i = 0; i < 8; i++) {
            used[i] = machine[i] - start.machine[i];
        }
        long all = java.util.Arrays.stream(used).sum();
        long idle = used[3] + used[4];
        long steal = used[7];
        long busy = all - idle - steal;
        long process = 0;
        for (Map.Entry<Integer, Map.Entry<String, Long>> thread : threads.entrySet()) {
            Map.Entry<String, Long> before = start.threads.get(thread.getKey());
            process += thread.getValue().getValue() - (before == null ? 0 : before.getValue());
        }
        return String.format("  machine CPU over the burst (/proc/stat, all cores): busy %.1f %%, idle %.1f %%, steal %.1f %%;"
                        + " other processes %.1f s of the %.1f s busy", all == 0 ? 0 : 100.0 * busy / all,
                all == 0 ? 0 : 100.0 * idle / all, all == 0 ? 0 : 100.0 * steal / all,
                Math.max(0, busy - process) / TICKS_PER_SECOND, busy / TICKS_PER_SECOND);
    }

    /**
     * One line per group of threads, largest first, for the groups that used at least {@code minShare} of
     * the process's thread CPU since {@code start} and for RocksDB's: µs per sample and the share; then
     * what threads that ended in between had used (not visible at the end).
     */
    String perSampleSince(OsThreadCpu start, long samples, double minShare) {
        if (threads.isEmpty()) {
            return "  CPU per OS thread: /proc/self/task not readable here";
        }
        Map<String, Long> byGroup = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        long total = 0;
        for (Map.Entry<Integer, Map.Entry<String, Long>> thread : threads.entrySet()) {
            Map.Entry<String, Long> before = start.threads.get(thread.getKey());
            long used = thread.getValue().getValue() - (before == null ? 0 : before.getValue());
            String group = group(thread.getValue().getKey());
            byGroup.merge(group, used, Long::sum);
            count.merge(group, 1, Integer::sum);
            total += used;
        }
        long ended = 0;
        for (Map.Entry<Integer, Map.Entry<String, Long>> thread : start.threads.entrySet()) {
            if (!threads.containsKey(thread.getKey())) {
                ended += thread.getValue().getValue();
            }
        }
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(byGroup.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        StringBuilder out = new StringBuilder(String.format(
                "  CPU per sample by OS thread (/proc/self/task, live at the end: %.1f s in all; µs per sample,"
                        + " share, threads):", total / TICKS_PER_SECOND));
        long shown = 0;
        for (Map.Entry<String, Long> group : sorted) {
            // RocksDB's flush and compaction threads always, however little they used: whether they
            // are a cost is the question this line answers.
            if (total == 0 || group.getValue() < minShare * total && !group.getKey().startsWith("rocksdb")) {
                continue;
            }
            shown += group.getValue();
            out.append(String.format("%n    %-18s %8.2f µs  %4.1f %%  (%d)", group.getKey(),
                    group.getValue() / TICKS_PER_SECOND * 1e6 / samples, 100.0 * group.getValue() / total,
                    count.get(group.getKey())));
        }
        out.append(String.format("%n    %-18s %8.2f µs  %4.1f %%", "(other groups)",
                (total - shown) / TICKS_PER_SECOND * 1e6 / samples, total == 0 ? 0 : 100.0 * (total - shown) / total));
        out.append(String.format("%n    threads alive at the start but not at the end had used %.1f s before it",
                ended / TICKS_PER_SECOND));
        return out.toString();
    }

    /** A thread's name without its pool number: "GC Thread#3" and "rocksdb:low12" → "GC Thread", "rocksdb:low". */
    static String group(String name) {
        return name.replaceAll("[#\\-_ ]?\\d+$", "").replaceAll("-\\d+-", "-N-");
    }
}
