package org.reflectlab.core.nn;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.store.Manifest;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;

/**
 * The one way every network goes to and from the model store, for training and inference alike:
 * the manifest's kind is checked, the configuration read (a bad one is a clear error, not a Java
 * one), the weights read through the store's checksums, the network built on them, and the stored
 * parameters checked to be exactly those the configuration needs.
 */
public final class NetworkIO {

    private NetworkIO() {
    }

    /** Builds a network of configuration C on a parameter set. */
    @FunctionalInterface
    public interface Build<C, M> {
        M build(C config, Params params);
    }

    /**
     * What the store needs to know about one kind of network.
     *
     * @param kind          the manifest's "kind"
     * @param noun          what the network is called in messages ("a generator")
     * @param configSection the manifest's config key holding the network's configuration, or null when
     *                      the whole config is the network's
     * @param config        reads the configuration (throws on a bad one)
     * @param build         the network on loaded parameters
     * @param check         further checks of the loaded parameters (throws on a missing one)
     */
    public record Kind<C, M>(String kind, String noun, String configSection, Function<Map<String, Object>, C> config,
                             Build<C, M> build, Consumer<Params> check) {

        public Kind(String kind, String noun, String configSection, Function<Map<String, Object>, C> config, Build<C, M> build) {
            this(kind, noun, configSection, config, build, p -> { });
        }
    }

    public static <C, M> M load(ModelStore store, String name, Kind<C, M> kind) throws ModelStoreException {
        return load(store, name, store.verify(name), kind);
    }

    /** As above, for a manifest already verified. */
    @SuppressWarnings("unchecked")
    public static <C, M> M load(ModelStore store, String name, Manifest m, Kind<C, M> kind) throws ModelStoreException {
        if (!kind.kind().equals(m.kind())) {
            throw new ModelStoreException(ModelStoreException.Reason.BAD_MANIFEST,
                    "Model '" + name + "' is a " + m.kind() + ", not " + kind.noun() + ".");
        }
        Map<String, Object> section = kind.configSection() == null ? (Map<String, Object>) (Map<?, ?>) m.config()
                : ModelStoreException.section(m, name, kind.configSection());
        C config;
        try {
            config = kind.config().apply(section);
        } catch (RuntimeException e) {
            throw ModelStoreException.unreadableConfig(name, e);
        }
        Map<String, INDArray> weights = store.load(name, "weights", NetworkIO::readParams);
        Params params = new Params(m.seed() == null ? 0 : m.seed());
        params.putAll(weights);
        try {
            M network = kind.build().build(config, params);
            kind.check().accept(params);
            String misfit = params.mismatch(weights.keySet());
            if (misfit != null) {
                throw new IllegalStateException(misfit);
            }
            return network;
        } catch (RuntimeException e) {
            throw new ModelStoreException(ModelStoreException.Reason.UNREADABLE,
                    "Model '" + name + "': the weights do not fit its configuration (" + e.getMessage() + ").", e);
        }
    }

    /** A parameter file for {@link ModelStore#save}: role "weights" for a network, e.g. "optimizer" for its state. */
    public static ModelStore.NewFile paramsFile(String role, Map<String, INDArray> arrays) {
        return new ModelStore.NewFile(role, role, "bin", p -> writeParams(arrays, p));
    }

    public static Map<String, INDArray> readParams(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return Params.read(in);
        }
    }

    public static void writeParams(Map<String, INDArray> arrays, Path p) throws IOException {
        try (OutputStream out = Files.newOutputStream(p)) {
            Params.write(arrays, out);
        }
    }
}
