package org.reflectlab.core.concepts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.scaling.SweepRow;
import org.reflectlab.core.scaling.SweepStore;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;

/**
 * The models and stored sweeps the concept experiments run on, each loaded once, when first needed.
 * Experiments run one at a time on a background thread; {@code synchronized} keeps two first uses
 * from loading twice.
 */
public class ConceptsModels {

    private final ModelStore store;
    private final Path sweeps;
    /** An experiment took the unified model since its buffers were last dropped. */
    private volatile boolean usedSinceDrop;

    public ConceptsModels(ModelStore store, Path sweeps) {
        this.store = store;
        this.sweeps = sweeps;
    }

    public ModelStore store() {
        return store;
    }

    /** The unified model, shared with the other workspaces through the app's registry. */
    public UnifiedModel unified() throws ModelStoreException {
        usedSinceDrop = true;
        return org.reflectlab.core.registry.ModelRegistry.of(store).unified();
    }

    /** The reflection set, shared with Reflect and Scaling through the app's registry. */
    public Reflector reflector() throws ModelStoreException {
        return org.reflectlab.core.registry.ModelRegistry.of(store).reflector();
    }

    /**
     * Lets go of the working buffers the experiments grew in the shared unified model (the modality losses run it at
     * batch 32; the other workspaces run it at batch 1 or drop their own): the next run builds them again. Loads nothing.
     * Only once per use: asked again, it must not take the buffers of another workspace using the same model now (they
     * would grow again at its next call, and the old ones wait for a GC). Whether there were any.
     */
    public boolean dropWorkingBuffers() {
        if (!usedSinceDrop) {
            return false;
        }
        usedSinceDrop = false;
        UnifiedModel u = org.reflectlab.core.registry.ModelRegistry.of(store).unifiedIfLoaded();
        if (u == null || !u.holdsWorkingBuffers()) {
            return false;
        }
        u.dropWorkingBuffers();
        return true;
    }

    /** A stored sweep: its name and rows. */
    public record StoredSweep(String name, List<SweepRow> rows) {
    }

    /** The stored sweep with the most rows (null if there is none), or the one named. */
    public StoredSweep sweep(String name) throws java.io.IOException {
        StoredSweep best = null;
        for (SweepStore s : SweepStore.list(sweeps)) {
            if (name != null && !s.name().equals(name)) {
                continue;
            }
            List<SweepRow> rows = new ArrayList<>(s.rows());
            if (best == null || rows.size() > best.rows().size()) {
                best = new StoredSweep(s.name(), rows);
            }
        }
        return best;
    }

    public Path sweepsDir() {
        return sweeps;
    }
}
