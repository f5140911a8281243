package org.reflectlab.core.nn.fast;

/**
 * Whether inference takes the fast path (default) or SameDiff's graphs. The graphs stay the
 * reference: training always uses them, tests compare the two, and {@code -Dreflectlab.fastpath=false}
 * runs the app or a benchmark on the graphs alone.
 */
public final class FastPath {

    private FastPath() {
    }

    public static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty("reflectlab.fastpath", "true"));
    }
}
