package org.rundschau.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap a stretch of work needed: the most heap in use after any garbage collection (live data
 * plus what the collector chose to keep), and the most heap in use at all, sampled every 10 ms
 * (garbage not yet collected included). Start with {@link #reset}.
 */
public final class HeapWatch implements AutoCloseable {
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicLong maxUsed = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onGc;
    private final Thread sampler;

    public HeapWatch() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        sampler = new Thread(this::sample, "bench-heap");
        sampler.setDaemon(true);
        sampler.start();
    }

    public void reset() {
        maxAfterGc.set(0);
        maxUsed.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    /** Bytes: the largest heap in use right after a collection since {@link #reset}. */
    public long maxAfterGc() {
        return maxAfterGc.get();
    }

    /** Bytes: the largest heap in use at any sample since {@link #reset}. */
    public long maxUsed() {
        return maxUsed.get();
    }

    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) return;
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                .mapToLong(MemoryUsage::getUsed).sum();
        maxAfterGc.accumulateAndGet(used - nonHeap(info), Math::max);
    }

    // The after-GC map holds every pool the collector touched; only heap pools count here.
    private static long nonHeap(GarbageCollectionNotificationInfo info) {
        long nonHeap = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.NON_HEAP) {
                MemoryUsage usage = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                if (usage != null) nonHeap += usage.getUsed();
            }
        }
        return nonHeap;
    }

    private void sample() {
        var memory = ManagementFactory.getMemoryMXBean();
        while (!Thread.currentThread().isInterrupted()) {
            maxUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        sampler.interrupt();
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // never added: nothing to remove
            }
        }
    }
}
