package org.reflectlab.core.reflect;

import org.reflectlab.core.nn.NetworkIO;
import org.reflectlab.core.nn.detector.Detector;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.generator.LatentCodec;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;
import org.reflectlab.core.train.UnifiedModelIO;

/**
 * Loads everything reflection needs from the models folder (unified model, generator, critic,
 * judge), each checked by the store; a missing one is named with the command that makes it.
 */
public final class ReflectModels {

    public static final String GENERATOR = "generator";
    /** The base generator reflection was fine-tuned from; best-of-N and test-time training sample from it. */
    public static final String BASE = "generator-base";
    public static final String CRITIC = "critic";
    public static final String JUDGE = "judge";

    private ReflectModels() {
    }

    public static Reflector load(ModelStore store) throws ModelStoreException {
        return load(store, null);
    }

    /** As above, on a unified model already loaded from this store (null: load it too). */
    public static Reflector load(ModelStore store, UnifiedModel loaded) throws ModelStoreException {
        return load(store, loaded, GENERATOR);
    }

    /** As above, with the generator of that name (e.g. the base generator, which samples a reflection pool). */
    public static Reflector load(ModelStore store, UnifiedModel loaded, String generatorName) throws ModelStoreException {
        UnifiedModel unified = loaded != null ? loaded : need(store, UnifiedModelIO.DEFAULT_NAME, "reflectlab train unified",
                () -> UnifiedModelIO.load(store, UnifiedModelIO.DEFAULT_NAME));
        Generator generator = need(store, generatorName, "reflectlab train generator",
                () -> NetworkIO.load(store, generatorName, Generator.NETWORK));
        Detector critic = need(store, CRITIC, "reflectlab train critic",
                () -> NetworkIO.load(store, CRITIC, Detector.NETWORK));
        Detector judge = need(store, JUDGE, "reflectlab train judge", () -> NetworkIO.load(store, JUDGE, Detector.NETWORK));
        LatentCodec codec = new LatentCodec(unified, generator.params());
        if (generator.config().textGuide()) {
            generator.useGuide(codec);
        }
        Generator base = null;
        if (java.nio.file.Files.isDirectory(store.dir(BASE))) {
            base = NetworkIO.load(store, BASE, Generator.NETWORK);
        }
        return new Reflector(generator, codec, critic, judge).withBase(base);
    }

    /** The judge alone (scoring needs nothing else). */
    public static Detector judge(ModelStore store) throws ModelStoreException {
        return need(store, JUDGE, "reflectlab train judge", () -> NetworkIO.load(store, JUDGE, Detector.NETWORK));
    }

    private interface Loader<T> {
        T load() throws ModelStoreException;
    }

    private static <T> T need(ModelStore store, String name, String command, Loader<T> loader) throws ModelStoreException {
        try {
            return loader.load();
        } catch (ModelStoreException e) {
            if (e.reason() == ModelStoreException.Reason.MISSING_MODEL) {
                throw new ModelStoreException(e.reason(), "The " + name + " model is missing from " + store.root()
                        + ". Train it with: " + command, e);
            }
            throw e;
        }
    }
}
