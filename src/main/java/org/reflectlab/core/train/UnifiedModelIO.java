package org.reflectlab.core.train;

import org.reflectlab.core.nn.NetworkIO;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.store.Manifest;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;

/** The unified model's name in the store, and loading it (through {@link NetworkIO}, as every network). */
public final class UnifiedModelIO {

    public static final String DEFAULT_NAME = "unified";

    private UnifiedModelIO() {
    }

    public static UnifiedModel load(ModelStore store, String name) throws ModelStoreException {
        return NetworkIO.load(store, name, UnifiedModel.NETWORK);
    }

    static UnifiedModel load(ModelStore store, String name, Manifest m) throws ModelStoreException {
        return NetworkIO.load(store, name, m, UnifiedModel.NETWORK);
    }
}
