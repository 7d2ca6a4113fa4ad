package org.parley.reconcile;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Keeps the command's memory (its resident set) near what it needs. While reading a million records, G1 grows
 * the heap whenever its pauses take a large share of the time (the more so when other processes hold the cores),
 * and keeps what it grew and touched: at the default maximum heap (a quarter of the memory) the command used to
 * peak above 2 GB for a live heap of half a gigabyte. So, after each collection, if the process holds more than
 * {@link #FLOOR} of memory and more than three times what was live after the last full collection, the heap is
 * collected in full with the free share it may keep lowered for that collection ({@code MaxHeapFreeRatio}, a
 * manageable flag: settable while the JVM runs), which gives the rest back. On a quiet machine that never happens;
 * a full collection of the half gigabyte takes under a second, and it comes again only once the memory has grown
 * that much more. A maximum heap or free ratio set on the command line is left alone: whoever set it chose.
 */
final class HeapTrim implements NotificationListener, AutoCloseable {

    /** Memory held (resident) below which nothing is done. */
    private static final long FLOOR = 5L << 28;
    private static final Path STATUS = Path.of("/proc/self/status");
    /** At most this share of the heap stays free after a trimming collection (the JVM's default is 70 %). */
    private static final String MAX_FREE_PERCENT = "40";

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final AtomicBoolean collecting = new AtomicBoolean();
    private volatile long budget = FLOOR;
    private HotSpotDiagnosticMXBean hotSpot;

    private HeapTrim() {
    }

    /** Starts watching the heap, unless the JVM was told its heap's size; {@link #close} stops. */
    static HeapTrim start() {
        HeapTrim trim = new HeapTrim();
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotSpot == null || !chosenByTheJvm(hotSpot, "MaxHeapSize")) {
            return trim;
        }
        if (chosenByTheJvm(hotSpot, "MaxHeapFreeRatio") && chosenByTheJvm(hotSpot, "MinHeapFreeRatio")) {
            trim.hotSpot = hotSpot;
        }
        for (GarbageCollectorMXBean collector : trim.collectors) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(trim, null, null);
            }
        }
        return trim;
    }

    private static boolean chosenByTheJvm(HotSpotDiagnosticMXBean hotSpot, String flag) {
        try {
            VMOption.Origin origin = hotSpot.getVMOption(flag).getOrigin();
            return origin == VMOption.Origin.DEFAULT || origin == VMOption.Origin.ERGONOMIC;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())
                || "System.gc()".equals(GarbageCollectionNotificationInfo
                        .from((CompositeData) notification.getUserData()).getGcCause())) {
            return;
        }
        if (held() > budget && collecting.compareAndSet(false, true)) {
            try {
                collectLeavingLessFree();
                budget = Math.max(FLOOR, memory.getHeapMemoryUsage().getUsed() * 3);
            } finally {
                collecting.set(false);
            }
        }
    }

    /**
     * A full collection. With the JVM's own free ratios it may keep 70 % of the heap free, which would give back
     * nothing of a heap grown to three times what is live; so the share is lowered for it, and set back after.
     */
    private void collectLeavingLessFree() {
        if (hotSpot == null) {
            System.gc();
            return;
        }
        String minFree = hotSpot.getVMOption("MinHeapFreeRatio").getValue();
        String maxFree = hotSpot.getVMOption("MaxHeapFreeRatio").getValue();
        try {
            hotSpot.setVMOption("MinHeapFreeRatio", "0");
            hotSpot.setVMOption("MaxHeapFreeRatio", MAX_FREE_PERCENT);
        } catch (IllegalArgumentException | SecurityException e) {
            System.gc(); // flags this JVM will not change
            return;
        }
        try {
            System.gc();
        } finally {
            hotSpot.setVMOption("MaxHeapFreeRatio", maxFree);
            hotSpot.setVMOption("MinHeapFreeRatio", minFree);
        }
    }

    /** The process's resident memory (Linux); elsewhere, the heap's committed memory. */
    private long held() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return memory.getHeapMemoryUsage().getCommitted();
    }

    @Override
    public void close() {
        for (GarbageCollectorMXBean collector : collectors) {
            if (collector instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(this);
                } catch (ListenerNotFoundException e) {
                    // never added: the JVM's heap size was chosen on the command line
                }
            }
        }
    }
}
