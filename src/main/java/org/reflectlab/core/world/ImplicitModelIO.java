package org.reflectlab.core.world;

import org.reflectlab.core.nn.NetworkIO;
import org.reflectlab.core.nn.world.ImplicitModel;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;

/** The implicit world model's name in the store, and loading it (through {@link NetworkIO}, as every network). */
public final class ImplicitModelIO {

    public static final String DEFAULT_NAME = "world-implicit";

    private ImplicitModelIO() {
    }

    public static ImplicitModel load(ModelStore store, String name) throws ModelStoreException {
        return NetworkIO.load(store, name, ImplicitModel.NETWORK);
    }
}
