package org.reflectlab.core.registry;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.reflect.ReflectModels;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;
import org.reflectlab.core.train.UnifiedModelIO;

/**
 * The app's loaded models, one registry per models folder: each model set is loaded once, on first
 * use, and shared by the workspaces that read it (Reflect, Scaling and Concepts share one reflection
 * set instead of loading three). Sharing is safe because fast-path calls on one network are
 * serialised and the generator's prompt cache is synchronised; work that wants parallelism (sweep
 * workers, serving workers) loads its own copies from {@link #store()}.
 */
public final class ModelRegistry {

    private static final Map<Path, ModelRegistry> BY_FOLDER = new ConcurrentHashMap<>();

    private final ModelStore store;
    private Reflector reflector;
    private UnifiedModel unified;

    private ModelRegistry(ModelStore store) {
        this.store = store;
    }

    /** The registry of this store's folder (the same one for every store on that folder). */
    public static ModelRegistry of(ModelStore store) {
        return BY_FOLDER.computeIfAbsent(store.root().toAbsolutePath().normalize(), p -> new ModelRegistry(store));
    }

    public ModelStore store() {
        return store;
    }

    /** The reflection set (unified model, generator, base generator, critic, judge). A failed load is not kept: the next call tries again. */
    public synchronized Reflector reflector() throws ModelStoreException {
        if (reflector == null) {
            reflector = ReflectModels.load(store, unified);
        }
        return reflector;
    }

    /** The shipped unified model: one copy, shared with the reflection set whichever is loaded first. */
    public synchronized UnifiedModel unified() throws ModelStoreException {
        if (unified == null) {
            unified = reflector != null ? reflector.codec().unified()
                    : UnifiedModelIO.load(store, UnifiedModelIO.DEFAULT_NAME);
        }
        return unified;
    }

    /** Forgets what was loaded, so the next use reads the folder again (after a model there was retrained). */
    public synchronized void forget() {
        reflector = null;
        unified = null;
    }
}
