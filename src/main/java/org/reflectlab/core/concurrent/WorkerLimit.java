package org.reflectlab.core.concurrent;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * How many parallel workers a run may start. Each worker holds its own copy of the models (about
 * 26 MB of weights, plus graphs and buffers) and keeps one core busy, so more workers than cores
 * only cost memory: 300 workers once took 7.9 GB, 1000 hung the machine. The bound is the smaller
 * of the cores and what the free memory holds.
 *
 * @param workers how many to start
 * @param note    why fewer than requested, for the user, or null
 */
public record WorkerLimit(int workers, String note) {

    /** Memory one worker is budgeted (models, graphs, working buffers), with room to spare. */
    public static final long BYTES_PER_WORKER = 160L << 20;

    /**
     * @param requested the user's choice, or null for "as many as is useful"
     * @throws IllegalArgumentException if requested is below 1
     */
    public static WorkerLimit of(Integer requested, int cores, long freeMemoryBytes) {
        if (requested != null && requested < 1) {
            throw new IllegalArgumentException("--workers must be 1 or more, not " + requested);
        }
        long byMemory = Math.max(1, freeMemoryBytes / BYTES_PER_WORKER);
        int most = (int) Math.max(1, Math.min(Math.max(1, cores), byMemory));
        if (requested == null) {
            return new WorkerLimit(most, null);
        }
        if (requested <= most) {
            return new WorkerLimit(requested, null);
        }
        return new WorkerLimit(most, String.format(Locale.ROOT, "--workers %d is more than this machine can use: %d cores and "
                        + "%.1f GB of free memory allow %d (each worker holds its own copy of the models); using %d.",
                requested, cores, freeMemoryBytes / 1e9, most, most));
    }

    /** The bound for this machine: its cores and its free physical memory. */
    public static WorkerLimit forThisMachine(Integer requested) {
        return of(requested, Runtime.getRuntime().availableProcessors(), freeMemory());
    }

    /** Free physical memory, or the JVM's own headroom where the OS does not say. */
    static long freeMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long free = os.getFreeMemorySize();
            if (free > 0) {
                return free;
            }
        }
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }
}
