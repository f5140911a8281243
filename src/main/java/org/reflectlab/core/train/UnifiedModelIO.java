package org.reflectlab.core.train;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.nn.UnifiedConfig;
import org.reflectlab.core.nn.UnifiedModel;
import org.reflectlab.core.store.Manifest;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;

/** Loads a unified model from the store: checked manifest, then checked weights. */
public final class UnifiedModelIO {

    public static final String DEFAULT_NAME = "unified";

    private UnifiedModelIO() {
    }

    public static UnifiedModel load(ModelStore store, String name) throws ModelStoreException {
        return load(store, name, store.verify(name));
    }

    @SuppressWarnings("unchecked")
    static UnifiedModel load(ModelStore store, String name, Manifest m) throws ModelStoreException {
        if (!UnifiedModel.KIND.equals(m.kind())) {
            throw new ModelStoreException(ModelStoreException.Reason.BAD_MANIFEST,
                    "Model '" + name + "' is a " + m.kind() + ", not a unified model.");
        }
        UnifiedConfig config;
        Map<String, Object> section = ModelStoreException.section(m, name, "model");
        try {
            config = UnifiedConfig.fromMap(section);
        } catch (RuntimeException e) {
            throw ModelStoreException.unreadableConfig(name, e);
        }
        Map<String, INDArray> weights = store.load(name, "weights", UnifiedModelIO::readParams);
        Params params = new Params(m.seed() == null ? 0 : m.seed());
        params.putAll(weights);
        try {
            UnifiedModel model = new UnifiedModel(config, params);
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

    static Map<String, INDArray> readParams(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return Params.read(in);
        }
    }
}
