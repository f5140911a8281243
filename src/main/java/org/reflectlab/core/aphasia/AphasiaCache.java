package org.reflectlab.core.aphasia;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finished results by (model weights SHA-256, settings): the same model and settings give the same
 * numbers (everything is seeded), so a result can be shown again without re-running. Kept in
 * memory for the app's lifetime, a few results at most (each holds its scenes' images).
 * Thread-safe.
 */
public final class AphasiaCache {

    private static final int CAPACITY = 8;

    private final Map<String, AphasiaResult> results = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AphasiaResult> eldest) {
            return size() > CAPACITY;
        }
    };

    public static String key(String modelSha, AphasiaSettings s) {
        return modelSha + "/seed" + s.seed() + "/n" + s.samples() + "/b" + s.resamples();
    }

    public synchronized AphasiaResult get(String modelSha, AphasiaSettings s) {
        return results.get(key(modelSha, s));
    }

    public synchronized void put(AphasiaResult r) {
        results.put(key(r.modelSha(), r.settings()), r);
    }

    public synchronized int size() {
        return results.size();
    }
}
