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

    /**
     * CPU of the JVM's own threads, which {@link ThreadMXBean} does not see: garbage collection
     * ({@code GC Thread#N}, {@code G1 ...}, and the {@code VM Thread}, where the serial collector and
     * other safepoint work run) and JIT compilers ({@code C1/C2 CompilerThread}).
     */
    public record VmThreads(long gcNanos, long jitNanos) {
    }

    /** The CPU so far of each of those threads, by Linux thread id. */
    public record VmThreadsSnapshot(java.util.Map<Long, Long> gc, java.util.Map<Long, Long> jit) {
        /**
         * What the threads alive now used since {@code before} (see {@link Cpu#usedSince}: HotSpot stops
         * compiler threads it no longer needs, and one that ended in between is in neither figure).
         */
        public VmThreads since(VmThreadsSnapshot before) {
            return new VmThreads(usedSince(before.gc, gc), usedSince(before.jit, jit));
        }
    }

    /**
     * The CPU so far of the live GC, VM and JIT compiler threads (see {@link VmThreads}), from
     * {@code /proc/self/task/TID/stat} (Linux; user + system, in clock ticks of 10 ms). Empty where
     * /proc is missing.
     */
    public static VmThreadsSnapshot vmThreads() {
        java.util.Map<Long, Long> gc = new java.util.HashMap<>();
        java.util.Map<Long, Long> jit = new java.util.HashMap<>();
        java.nio.file.Path tasks = java.nio.file.Path.of("/proc/self/task");
        if (!java.nio.file.Files.isDirectory(tasks)) return new VmThreadsSnapshot(gc, jit);
        try (var dirs = java.nio.file.Files.list(tasks)) {
            for (java.nio.file.Path task : (Iterable<java.nio.file.Path>) dirs::iterator) {
                String stat;
                try {
                    stat = java.nio.file.Files.readString(task.resolve("stat"));
                } catch (java.io.IOException ended) {
                    continue;
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                if (open < 0 || close < open) continue;
                String name = stat.substring(open + 1, close);
                String[] fields = stat.substring(close + 2).split(" ");
                // fields[0] is field 3 (state): utime is field 14, stime field 15
                long nanos = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_NANOS;
                long tid = Long.parseLong(task.getFileName().toString());
                if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) gc.put(tid, nanos);
                else if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) jit.put(tid, nanos);
            }
        } catch (java.io.IOException e) {
            return new VmThreadsSnapshot(java.util.Map.of(), java.util.Map.of());
        }
        return new VmThreadsSnapshot(gc, jit);
    }

    /** Linux's USER_HZ, 100 on every common architecture. */
    private static final long TICK_NANOS = 10_000_000L;

    /** The one-minute load average of the machine, or -1 where the OS does not tell. */
    public static double loadAverage() {
        return OS.getSystemLoadAverage();
    }
}
