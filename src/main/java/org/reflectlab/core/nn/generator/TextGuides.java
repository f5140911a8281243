package org.reflectlab.core.nn.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reflectlab.core.data.Caption;

/**
 * The text guide a guided {@link Generator} reads: the frozen unified model's text latent of each
 * prompt, projected by the codec, cached per prompt (best-of-N and reflection ask for the same prompt
 * many times).
 */
final class TextGuides {

    private static final int CACHE_SIZE = 4096;

    private LatentCodec codec;
    private final Map<String, float[]> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    void use(LatentCodec codec) {
        synchronized (cache) {
            this.codec = codec;
            cache.clear();
        }
    }

    LatentCodec codec() {
        return codec;
    }

    /** The projected text latent of each condition's prompt; zeros where the condition is dropped. */
    INDArray of(List<Generator.Condition> conditions, int dim) {
        synchronized (cache) { // the app shares one generator between workspaces; the cache reorders on every read
            return ofLocked(conditions, dim);
        }
    }

    private INDArray ofLocked(List<Generator.Condition> conditions, int dim) {
        if (codec == null) {
            throw new IllegalStateException("this generator reads the unified model's text latent: call useGuide(codec) first");
        }
        List<Caption> missing = new ArrayList<>();
        for (Generator.Condition c : conditions) {
            if (!c.unconditional() && !cache.containsKey(c.prompt().text()) && !missing.contains(c.prompt())) {
                missing.add(c.prompt());
            }
        }
        if (!missing.isEmpty()) {
            INDArray g = codec.encodeText(missing);
            for (int i = 0; i < missing.size(); i++) {
                cache.put(missing.get(i).text(), g.getRow(i).dup().data().asFloat());
            }
        }
        float[] out = new float[conditions.size() * dim];
        for (int i = 0; i < conditions.size(); i++) {
            Generator.Condition c = conditions.get(i);
            if (!c.unconditional()) {
                System.arraycopy(cache.get(c.prompt().text()), 0, out, i * dim, dim);
            }
        }
        return Nd4j.create(out, new long[] {conditions.size(), dim}, 'c');
    }
}
