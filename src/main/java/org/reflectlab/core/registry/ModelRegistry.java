package org.reflectlab.core.registry;

import java.lang.ref.WeakReference;
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
 *
 * <p>The registry holds its models weakly: they stay loaded while some workspace holds them, and when every holder has
 * let go (a workspace hidden a while releases its state), the garbage collector frees them with their native buffers
 * and the next use loads them again. Two holders at the same time still share one copy.
 */
public final class ModelRegistry {

    private static final Map<Path, ModelRegistry> BY_FOLDER = new ConcurrentHashMap<>();

    private final ModelStore store;
    private WeakReference<Reflector> reflector = new WeakReference<>(null);
    private WeakReference<UnifiedModel> unified = new WeakReference<>(null);

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
        Reflector r = reflector.get();
        if (r == null) {
            r = ReflectModels.load(store, unified.get());
            reflector = new WeakReference<>(r);
        }
        return r;
    }

    /** The shipped unified model: one copy, shared with the reflection set whichever is loaded first. */
    public synchronized UnifiedModel unified() throws ModelStoreException {
        UnifiedModel u = unified.get();
        if (u == null) {
            Reflector r = reflector.get();
            u = r != null ? r.codec().unified() : UnifiedModelIO.load(store, UnifiedModelIO.DEFAULT_NAME);
            unified = new WeakReference<>(u);
        }
        return u;
    }

    /** The shared unified model if some workspace holds it now, else null (never loads: for releases). */
    public synchronized UnifiedModel unifiedIfLoaded() {
        UnifiedModel u = unified.get();
        Reflector r = reflector.get();
        return u != null ? u : r != null ? r.codec().unified() : null;
    }

    /** Forgets what was loaded, so the next use reads the folder again (after a model there was retrained). */
    public synchronized void forget() {
        reflector = new WeakReference<>(null);
        unified = new WeakReference<>(null);
    }
}
