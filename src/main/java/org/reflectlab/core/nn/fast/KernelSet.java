package org.reflectlab.core.nn.fast;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Which kernels the fast path's small products and inference attention use: {@code current} (default), or
 * {@code reference}, the ninth session's starting point (every product of more than one row on OpenBLAS, attention
 * head by head through {@code cblas_sgemm}, bias and GELU as their own passes). {@code -Dreflectlab.kernels=reference}
 * selects it for a whole run, as {@code -Dreflectlab.gemm} does for the products' threads; {@link #with} switches it
 * for a benchmark that alternates both in one JVM ({@code bench inference --rounds}), so they are compared under the
 * same load, JIT and heap. The reference set stays until the comparison it serves is in the docs.
 */
public final class KernelSet {

    private static volatile boolean reference = "reference".equals(
            System.getProperty("reflectlab.kernels", "current").trim().toLowerCase(Locale.ROOT));

    private KernelSet() {
    }

    /** Whether the reference kernels run. One volatile read: cheap beside any kernel it selects. */
    public static boolean reference() {
        return reference;
    }

    /** "current" or "reference", for benchmarks to print. */
    public static String name() {
        return reference ? "reference" : "current";
    }

    /**
     * Runs {@code body} on the reference kernels or the current ones. It switches a process-wide flag: for benchmarks
     * and tests, not while other threads run models.
     */
    public static <T> T with(boolean useReference, Supplier<T> body) {
        boolean old = reference;
        reference = useReference;
        try {
            return body.get();
        } finally {
            reference = old;
        }
    }
}
