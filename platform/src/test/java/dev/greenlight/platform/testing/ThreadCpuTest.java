package dev.greenlight.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks' CPU split is only worth printing if a thread's work lands in the part its name
 * says: a named thread burns a known amount of CPU and allocates a known number of bytes, and the
 * snapshot difference credits both to its part and not to the others.
 */
class ThreadCpuTest {

    enum Part { WORKER, OTHER, UNACCOUNTED }

    static final ThreadCpu.Parts<Part> PARTS = new ThreadCpu.Parts<>(Part.class,
            name -> name.startsWith("thread-cpu-worker") ? Part.WORKER : Part.OTHER, Part.UNACCOUNTED);

    static final long WORK_NANOS = 50_000_000;
    static final int ALLOCATIONS = 1_000;
    static final int ALLOCATION_BYTES = 10_000;

    @Test
    void aNamedThreadsCpuAndAllocationsLandInItsPart() throws InterruptedException {
        CountDownLatch worked = new CountDownLatch(1);
        CountDownLatch measured = new CountDownLatch(1);
        byte[][] kept = new byte[ALLOCATIONS][];
        Thread worker = new Thread(() -> {
            var threads = ManagementFactory.getThreadMXBean();
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < ALLOCATIONS; i++) {
                kept[i] = new byte[ALLOCATION_BYTES];
            }
            while (threads.getCurrentThreadCpuTime() - start < WORK_NANOS) {
                kept[0][0]++;
            }
            worked.countDown();
            try {
                // Alive until the end snapshot: an ended thread's CPU is no longer anyone's.
                measured.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "thread-cpu-worker-1");
        ThreadCpu<Part> start = ThreadCpu.now(PARTS);
        worker.start();
        worked.await();
        ThreadCpu<Part> end = ThreadCpu.now(PARTS);
        measured.countDown();
        worker.join();

        Map<Part, Long> cpu = end.cpuSince(start);
        assertThat(cpu).containsOnlyKeys(Part.values());
        assertThat(cpu.get(Part.WORKER)).isGreaterThanOrEqualTo(WORK_NANOS);
        assertThat(cpu.get(Part.UNACCOUNTED)).isNotNegative();
        assertThat(end.bytesAllocatedSince(start, Set.of(Part.WORKER)))
                .isGreaterThanOrEqualTo((long) ALLOCATIONS * ALLOCATION_BYTES);
        assertThat(end.bytesAllocatedSince(start, Set.of(Part.UNACCOUNTED))).isZero();
        assertThat(end.gcCountSince(start)).isNotNegative();
    }
}
