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
        System.gc();
        try {
            Thread.sleep(200); // cleaners and ND4J's deallocator free on their own threads after the GC
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return trim();
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
