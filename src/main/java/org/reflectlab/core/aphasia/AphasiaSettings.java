package org.reflectlab.core.aphasia;

/**
 * What a round-trip run depends on (with the model): the held-out scenes come from ShapesWorld seed
 * {@link #HELDOUT_SEED_BASE} + seed, a range no training command uses (unified training draws from
 * its --seed and its held-out set from seed + 1,000,003).
 */
public record AphasiaSettings(long seed, int samples, int resamples) {

    public static final long HELDOUT_SEED_BASE = 5_000_011;
    public static final int MAX_SAMPLES = 5000;
    public static final int DEFAULT_RESAMPLES = 1000;

    public AphasiaSettings {
        if (samples < 2 || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("samples must be 2.." + MAX_SAMPLES + ", not " + samples);
        }
        if (seed < 0) {
            throw new IllegalArgumentException("seed must be 0 or more, not " + seed);
        }
        if (resamples < 100 || resamples > 100_000) {
            throw new IllegalArgumentException("bootstrap resamples must be 100..100000, not " + resamples);
        }
    }

    public static AphasiaSettings of(long seed, int samples) {
        return new AphasiaSettings(seed, samples, DEFAULT_RESAMPLES);
    }

    public long dataSeed() {
        return HELDOUT_SEED_BASE + seed;
    }
}
