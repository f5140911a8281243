package org.reflectlab.core.world;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.store.Manifest;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;

/** Loads the implicit world model from the store: checked manifest, then checked weights. */
public final class ImplicitModelIO {

    public static final String DEFAULT_NAME = "world-implicit";

    private ImplicitModelIO() {
    }

    @SuppressWarnings("unchecked")
    public static ImplicitModel load(ModelStore store, String name) throws ModelStoreException {
        Manifest m = store.verify(name);
        if (!ImplicitModel.KIND.equals(m.kind())) {
            throw new ModelStoreException(ModelStoreException.Reason.BAD_MANIFEST,
                    "Model '" + name + "' is a " + m.kind() + ", not an implicit world model.");
        }
        ImplicitConfig config;
        Map<String, Object> section = ModelStoreException.section(m, name, "model");
        try {
            config = ImplicitConfig.fromMap(section);
        } catch (RuntimeException e) {
            throw ModelStoreException.unreadableConfig(name, e);
        }
        Map<String, INDArray> weights = store.load(name, "weights", ImplicitModelIO::read);
        Params params = new Params(m.seed() == null ? 0 : m.seed());
        params.putAll(weights);
        try {
            ImplicitModel model = new ImplicitModel(config, params);
            String misfit = params.mismatch(weights.keySet());
            if (misfit != null) {
                throw new IllegalStateException(misfit);
            }
            return model;
        } catch (RuntimeException e) {
            throw new ModelStoreException(ModelStoreException.Reason.UNREADABLE,
                    "Model '" + name + "': the weights do not fit its configuration (" + e.getMessage() + ").", e);
        }
    }

    static Map<String, INDArray> read(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return Params.read(in);
        }
    }

    static void write(Map<String, INDArray> arrays, Path p) throws IOException {
        try (OutputStream out = Files.newOutputStream(p)) {
            Params.write(arrays, out);
        }
    }
}
