package org.reflectlab.core.reflect;

import org.reflectlab.core.nn.generator.Generator;

/**
 * How to reflect: up to k iterations, the seed, sampling steps per image, context size, early
 * stop, and the classifier-free guidance scale (1 = none; otherwise each step costs 2 NFE).
 */
public record ReflectSettings(int k, long seed, int samplingSteps, int contextSize, boolean earlyStop, double guidance,
                              Ablation ablation) {

    public static final int MAX_K = 20;
    public static final double DEFAULT_GUIDANCE = 2.0;

    /**
     * What reflection may read of its past attempts: everything, or (ablations that show what the
     * gain comes from) the images without the feedback, the feedback without the images, or
     * feedback written about another prompt's attempts.
     */
    public enum Ablation {
        NONE("full context"), NO_FEEDBACK("feedback masked"), NO_IMAGES("context images masked"),
        SHUFFLED_FEEDBACK("feedback shuffled between prompts");

        private final String label;

        Ablation(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public ReflectSettings(int k, long seed, int samplingSteps, int contextSize, boolean earlyStop, double guidance) {
        this(k, seed, samplingSteps, contextSize, earlyStop, guidance, Ablation.NONE);
    }

    public ReflectSettings withAblation(Ablation a) {
        return new ReflectSettings(k, seed, samplingSteps, contextSize, earlyStop, guidance, a);
    }

    public ReflectSettings withSeed(long s) {
        return new ReflectSettings(k, s, samplingSteps, contextSize, earlyStop, guidance, ablation);
    }

    public ReflectSettings(int k, long seed, int samplingSteps, int contextSize, boolean earlyStop) {
        this(k, seed, samplingSteps, contextSize, earlyStop, DEFAULT_GUIDANCE);
    }

    public static ReflectSettings defaults() {
        return new ReflectSettings(10, 1, 8, 3, true);
    }

    /** NFE of one generated image under these settings. */
    public double samplingNfe() {
        return Generator.samplingNfe(samplingSteps, guidance);
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
        if (!(guidance >= 0 && guidance <= 10)) {
            throw new IllegalArgumentException("guidance must be 0 to 10 (1 = none)");
        }
        if (ablation == null) {
            ablation = Ablation.NONE;
        }
    }
}
