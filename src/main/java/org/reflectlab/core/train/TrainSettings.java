package org.reflectlab.core.train;

import java.util.LinkedHashMap;
import java.util.Map;

/** How to train: optimiser, batch, length, seed, and how often to evaluate. Checked on creation. */
public record TrainSettings(double learningRate, int batchSize, int steps, long seed, int warmupSteps,
                            int evalEvery, int evalSize, int sampleEvery) {

    public static TrainSettings defaults() {
        return new TrainSettings(1.5e-3, 32, 8000, 1, 200, 500, 256, 50);
    }

    public TrainSettings {
        if (!(learningRate >= 1e-6 && learningRate <= 0.1)) {
            throw new IllegalArgumentException("learning rate must be between 1e-6 and 0.1");
        }
        if (batchSize < 2 || batchSize > 1024) {
            throw new IllegalArgumentException("batch size must be 2..1024 (contrastive alignment needs pairs)");
        }
        if (steps < 1 || steps > 10_000_000) {
            throw new IllegalArgumentException("steps must be 1..10,000,000");
        }
        if (warmupSteps < 0 || evalEvery < 1 || evalSize < 2 || evalSize > 4096 || sampleEvery < 1) {
            throw new IllegalArgumentException("warm-up >= 0, evaluate every >= 1 step, 2..4096 held-out samples, samples every >= 1 step");
        }
    }

    public TrainSettings withSteps(int s) {
        return new TrainSettings(learningRate, batchSize, s, seed, warmupSteps, evalEvery, evalSize, sampleEvery);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("learningRate", learningRate);
        m.put("batchSize", batchSize);
        m.put("steps", steps);
        m.put("seed", seed);
        m.put("warmupSteps", warmupSteps);
        m.put("evalEvery", evalEvery);
        m.put("evalSize", evalSize);
        m.put("sampleEvery", sampleEvery);
        return m;
    }

    public static TrainSettings fromMap(Map<String, Object> m) {
        return new TrainSettings(((Number) m.get("learningRate")).doubleValue(), ((Number) m.get("batchSize")).intValue(),
                ((Number) m.get("steps")).intValue(), ((Number) m.get("seed")).longValue(),
                ((Number) m.get("warmupSteps")).intValue(), ((Number) m.get("evalEvery")).intValue(),
                ((Number) m.get("evalSize")).intValue(), ((Number) m.get("sampleEvery")).intValue());
    }
}
