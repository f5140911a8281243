package org.reflectlab.core.nn.fast;

/**
 * Whether the networks run on the fast path (default) or SameDiff's graphs. The graphs stay the
 * reference: tests hold the fast path's outputs, losses and gradients to them, and
 * {@code -Dreflectlab.fastpath=false} runs the app, training or a benchmark on the graphs alone.
 */
public final class FastPath {

    private FastPath() {
    }

    public static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true"));
    }

    private static final String PROPERTY = "reflectlab.fastpath";

    /**
     * Runs {@code body} with the fast path on or off, for benchmarks that time both (it sets a
     * system property: not for use while other threads run models).
     */
    public static <T> T with(boolean on, java.util.function.Supplier<T> body) {
        String old = System.getProperty(PROPERTY);
        System.setProperty(PROPERTY, Boolean.toString(on));
        try {
            return body.get();
        } finally {
            if (old == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, old);
            }
        }
    }
}
