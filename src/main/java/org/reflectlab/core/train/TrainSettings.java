package org.reflectlab.core.train;

import java.util.Map;
import org.reflectlab.core.store.ConfigJson;
import org.reflectlab.core.settings.Range;

/** How to train: optimiser, batch, length, seed, and how often to evaluate. Checked on creation. */
public record TrainSettings(double learningRate, int batchSize, int steps, long seed, int warmupSteps,
                            int evalEvery, int evalSize, int sampleEvery) {

    public static final Range LEARNING_RATE = Range.reals(1e-6, 0.1);
    /** At least 2: the contrastive alignment needs pairs. */
    public static final Range BATCH = Range.ints(2, 1024);
    public static final Range STEPS = Range.ints(1, 10_000_000);
    public static final Range WARMUP = Range.ints(0, 10_000_000);
    public static final Range EVAL_EVERY = Range.ints(1, 10_000_000);
    public static final Range EVAL_SIZE = Range.ints(2, 4096);
    public static final Range SEED = Range.ints(0, 2_000_000_000);

    public static TrainSettings defaults() {
        return new TrainSettings(1.5e-3, 32, 8000, 1, 200, 500, 256, 50);
    }

    public TrainSettings {
        if (!LEARNING_RATE.contains(learningRate)) {
            throw new IllegalArgumentException("learning rate must be between 1e-6 and 0.1");
        }
        if (!BATCH.contains(batchSize)) {
            throw new IllegalArgumentException("batch size must be " + BATCH.text() + " (contrastive alignment needs pairs)");
        }
        if (!STEPS.contains(steps)) {
            throw new IllegalArgumentException("steps must be 1..10,000,000");
        }
        if (!WARMUP.contains(warmupSteps) || !EVAL_EVERY.contains(evalEvery) || !EVAL_SIZE.contains(evalSize) || sampleEvery < 1) {
            throw new IllegalArgumentException("warm-up >= 0, evaluate every >= 1 step, 2..4096 held-out samples, samples every >= 1 step");
        }
    }

    public TrainSettings withSteps(int s) {
        return new TrainSettings(learningRate, batchSize, s, seed, warmupSteps, evalEvery, evalSize, sampleEvery);
    }

    public Map<String, Object> toMap() {
        return ConfigJson.toMap(this);
    }

    public static TrainSettings fromMap(Map<String, Object> m) {
        return ConfigJson.fromMap(m, TrainSettings.class, "training settings lack '%s'");
    }
}
