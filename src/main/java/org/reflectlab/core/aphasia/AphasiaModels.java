package org.reflectlab.core.aphasia;

import org.reflectlab.core.nn.detector.SceneReader;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.reflect.ReflectModels;
import org.reflectlab.core.registry.ModelRegistry;
import org.reflectlab.core.store.Manifest;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;
import org.reflectlab.core.train.UnifiedModelIO;

/**
 * What the experiment needs: a unified model (with its weights' SHA-256, the cache key) and the judge.
 * Not thread-safe: one thread runs an experiment on these at a time.
 */
public record AphasiaModels(String name, String sha256, UnifiedModel unified, SceneReader judge) {

    public static AphasiaModels load(ModelStore store, String name) throws ModelStoreException {
        String sha = weightsSha(store, name);
        UnifiedModel unified = UnifiedModelIO.load(store, name);
        return new AphasiaModels(name, sha, unified, ReflectModels.judge(store));
    }

    /**
     * The shipped unified model as the app's registry holds it (one copy, shared with Reflect, Scaling and Concepts,
     * instead of a copy of its own) and the judge: what the Aphasia workspace runs on. The ablation's variants, other
     * models, are still loaded per run.
     */
    public static AphasiaModels shared(ModelStore store) throws ModelStoreException {
        String name = UnifiedModelIO.DEFAULT_NAME;
        String sha = weightsSha(store, name);
        return new AphasiaModels(name, sha, ModelRegistry.of(store).unified(), ReflectModels.judge(store));
    }

    private static String weightsSha(ModelStore store, String name) throws ModelStoreException {
        Manifest m;
        try {
            m = store.verify(name);
        } catch (ModelStoreException e) {
            if (e.reason() == ModelStoreException.Reason.MISSING_MODEL) {
                throw new ModelStoreException(e.reason(), "The unified model '" + name + "' is missing from " + store.root()
                        + ". Train it with: reflectlab train unified --out " + name, e);
            }
            throw e;
        }
        return m.fileFor("weights").map(f -> m.files().get(f).sha256()).orElse("unknown");
    }

    public AphasiaResult run(AphasiaSettings settings, RoundTrip.Listener listener) {
        return RoundTrip.run(unified, judge, name, sha256, settings, listener);
    }
}
