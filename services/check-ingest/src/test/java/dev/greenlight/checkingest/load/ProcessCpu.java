package dev.greenlight.checkingest.load;

import java.lang.management.ManagementFactory;

/**
 * CPU time this JVM has used. On a shared machine throughput moves with the neighbours' load; CPU
 * per request does much less, so the load figures report both.
 */
final class ProcessCpu {

    private ProcessCpu() {
    }

    static long nanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
