package org.reflectlab.core.backend;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;

/**
 * Gives the memory that released models held back to the system. Their native buffers (ND4J arrays, the fast path's
 * direct buffers) are freed only when a GC finds their Java owners unreachable, and the owners are small old objects:
 * with little allocation going on (a hidden app) or a large -Xmx, G1 may not look at them for minutes. Once freed, glibc
 * keeps the pages in its arenas unless asked to trim them ({@code -XX:TrimNativeHeapInterval} does that on a timer, but
 * only when the launch sets it). So after a workspace released its state: one full GC, a moment for the cleaners, and a
 * trim through the JVM's own diagnostic command (JDK 17.0.9 and later; a no-op where it is missing).
 */
public final class NativeMemory {

    /** Two give-backs closer than this are one: several workspaces released in one go free their memory together. */
    private static final long COALESCE_MS = 3_000;

    private static final ScheduledExecutorService LATER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "give-back-memory");
        t.setDaemon(true);
        return t;
    });
    private static long lastDone;

    private NativeMemory() {
    }

    /**
     * {@link #giveBack()} on a background thread after each of {@code delaysMs}: a release that hands its work to a worker
     * (a serving node closing, a training run written aside) frees its memory seconds later, so one give-back right away
     * and one a while later cover both. Runs closer together than 3 s are skipped.
     */
    public static void giveBackAfter(long... delaysMs) {
        for (long d : delaysMs) {
            LATER.schedule(() -> {
                if (System.currentTimeMillis() - lastDone >= COALESCE_MS) {
                    giveBack();
                    lastDone = System.currentTimeMillis();
                }
            }, d, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Collects, waits for the freed buffers' cleaners, and trims the C heap. Blocks for a full GC (~0.1-0.3 s with the
     * app's live heap, every thread paused): call it off the FX thread, and only after something was released.
     * Returns whether the trim ran.
     */
    public static boolean giveBack() {
        tightCollect();
        try {
            Thread.sleep(200); // cleaners and ND4J's deallocator free on their own threads after the GC
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return trim();
    }

    /** What the give-back's collection leaves free of the heap, at most, in percent (MaxHeapFreeRatio while it runs). */
    static final int GIVE_BACK_FREE_PERCENT = 10;

    /**
     * A full GC that shrinks the heap to its live part plus {@link #GIVE_BACK_FREE_PERCENT}: the launch's
     * {@code -XX:MaxHeapFreeRatio=30} is lowered for this collection only (the ratios are manageable flags). Something was
     * just released, so the heap the released work needed is not needed now; while the app works, G1 sizes it as the
     * launch says. Measured (bench ui, after the idle wait): a ratio of 15 for the whole run shrank the committed heap
     * 192 -> 158 MB but the tour then paid ~35 % more young collections; here only the give-back's collection is tight.
     * Where the flags cannot be set, a plain full GC. Returns whether it ran tight; the launch's ratios are back after it
     * (one at a time: a second caller would read the lowered ratios as the launch's and leave them lowered).
     */
    static synchronized boolean tightCollect() {
        com.sun.management.HotSpotDiagnosticMXBean vm = diagnostics();
        String min = option(vm, "MinHeapFreeRatio");
        String max = option(vm, "MaxHeapFreeRatio");
        boolean tight = min != null && max != null
                && set(vm, "MinHeapFreeRatio", String.valueOf(Math.min(Integer.parseInt(min), GIVE_BACK_FREE_PERCENT)))
                && set(vm, "MaxHeapFreeRatio", String.valueOf(GIVE_BACK_FREE_PERCENT));
        try {
            System.gc();
        } finally {
            if (min != null && max != null) {
                set(vm, "MaxHeapFreeRatio", max); // Max first: it may never go below Min
                set(vm, "MinHeapFreeRatio", min);
            }
        }
        return tight;
    }

    private static com.sun.management.HotSpotDiagnosticMXBean diagnostics() {
        try {
            return ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static String option(com.sun.management.HotSpotDiagnosticMXBean vm, String name) {
        try {
            return vm == null ? null : vm.getVMOption(name).getValue();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean set(com.sun.management.HotSpotDiagnosticMXBean vm, String name, String value) {
        try {
            vm.setVMOption(name, value);
            return true;
        } catch (RuntimeException e) {
            return false; // not manageable here, or out of range against the other ratio: the launch's value stays
        }
    }

    /** Asks glibc to return free pages of its arenas to the system (the JVM's {@code System.trim_native_heap}). */
    public static boolean trim() {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "systemTrimNativeHeap", new Object[] {new String[0]}, new String[] {String[].class.getName()});
            return true;
        } catch (Exception | LinkageError e) {
            return false; // an older JDK or another C library: the memory stays with the allocator, nothing else changes
        }
    }
}
