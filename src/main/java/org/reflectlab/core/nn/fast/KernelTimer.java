package org.reflectlab.core.nn.fast;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Where a fast-path step spends its time, per kind of kernel: off by default (one volatile read per
 * kernel call), switched on by {@code bench train --profile}. Times are wall-clock nanoseconds summed
 * over every thread, so read them from a run with one training thread.
 */
public final class KernelTimer {

    /**
     * The kinds of work a step is made of. GEMM_SMALL is a product of under {@link #SMALL_GEMM} multiply-adds
     * (per-head attention products): there OpenBLAS's per-call cost weighs, unlike in the dense layers' GEMMs.
     */
    public enum Kind { GEMM, GEMM_SMALL, BIAS, LAYER_NORM, GELU, SOFTMAX, POSITIONS, COPY_AND_PACK, ADAM }

    /** Multiply-adds under which a GEMM counts as small. */
    public static final long SMALL_GEMM = 1L << 17;

    private static volatile boolean enabled;
    private static final AtomicLongArray NANOS = new AtomicLongArray(Kind.values().length);

    private KernelTimer() {
    }

    public static void enable(boolean on) {
        enabled = on;
    }

    public static void reset() {
        for (int i = 0; i < NANOS.length(); i++) {
            NANOS.set(i, 0);
        }
    }

    /** A start time when timing is on, else 0 (then {@link #stop} does nothing). */
    public static long start() {
        return enabled ? System.nanoTime() : 0L;
    }

    public static void stop(Kind kind, long start) {
        if (start != 0L) {
            NANOS.addAndGet(kind.ordinal(), System.nanoTime() - start);
        }
    }

    /** Nanoseconds per kind since the last reset. */
    public static Map<Kind, Long> snapshot() {
        Map<Kind, Long> out = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            out.put(k, NANOS.get(k.ordinal()));
        }
        return out;
    }
}
