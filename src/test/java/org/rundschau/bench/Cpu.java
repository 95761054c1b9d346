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

    /** CPU used so far by the live threads whose name starts with {@code prefix}. */
    public static long threadsNamed(String prefix) {
        long total = 0;
        for (var info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) total += cpu;
            }
        }
        return total;
    }

    /** The one-minute load average of the machine, or -1 where the OS does not tell. */
    public static double loadAverage() {
        return OS.getSystemLoadAverage();
    }
}
