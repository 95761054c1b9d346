package org.rundschau.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** CPU clocks of this JVM: the whole process, and the calling thread. Nanoseconds. */
public final class Cpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private Cpu() {
    }

    /** CPU used by the whole process so far (user + system, every thread, GC and JIT included). */
    public static long process() {
        return OS.getProcessCpuTime();
    }

    /** CPU used by the calling thread so far (user + system). */
    public static long thread() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** The one-minute load average of the machine, or -1 where the OS does not tell. */
    public static double loadAverage() {
        return OS.getSystemLoadAverage();
    }
}
