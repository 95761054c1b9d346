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

    /** CPU used so far by each live thread whose name starts with {@code prefix}, by thread id. */
    public static java.util.Map<Long, Long> threadsNamed(String prefix) {
        java.util.Map<Long, Long> cpu = new java.util.HashMap<>();
        for (var info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                long nanos = THREADS.getThreadCpuTime(info.getThreadId());
                if (nanos > 0) cpu.put(info.getThreadId(), nanos);
            }
        }
        return cpu;
    }

    /**
     * CPU the threads of {@code after} used since {@code before} was taken; a thread that ended in
     * between is missing from both sums (its CPU shows up nowhere but in the process total).
     */
    public static long usedSince(java.util.Map<Long, Long> before, java.util.Map<Long, Long> after) {
        long total = 0;
        for (var e : after.entrySet()) total += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        return total;
    }

    /** The one-minute load average of the machine, or -1 where the OS does not tell. */
    public static double loadAverage() {
        return OS.getSystemLoadAverage();
    }
}
