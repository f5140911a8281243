package org.reflectlab.core.reflect;

/** How to reflect: up to k iterations, the seed, sampling steps per image, context size, early stop. */
public record ReflectSettings(int k, long seed, int samplingSteps, int contextSize, boolean earlyStop) {

    public static final int MAX_K = 20;

    public static ReflectSettings defaults() {
        return new ReflectSettings(10, 1, 8, 3, true);
    }

    public ReflectSettings {
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("K must be 1 to " + MAX_K);
        }
        if (samplingSteps < 1 || samplingSteps > 100) {
            throw new IllegalArgumentException("sampling steps must be 1 to 100");
        }
        if (contextSize < 1 || contextSize > 3) {
            throw new IllegalArgumentException("context size must be 1 to 3 (image, feedback) pairs");
        }
    }
}
