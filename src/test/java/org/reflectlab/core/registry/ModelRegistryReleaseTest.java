package org.reflectlab.core.registry;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.store.ModelStore;

/** The registry keeps a model set only while someone holds it: released workspaces free it, and the next use loads it again. */
class ModelRegistryReleaseTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @Test
    void aSetNobodyHoldsIsFreedAndLoadedAgain() throws Exception {
        ModelRegistry registry = ModelRegistry.of(new ModelStore(Path.of("models")));
        registry.forget();
        Reflector held = registry.reflector();
        assertSame(held, registry.reflector(), "shared while held");
        WeakReference<Reflector> watch = new WeakReference<>(held);
        held = null;
        for (int i = 0; i < 50 && watch.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(watch.get(), "nothing but the workspaces keeps the set alive");
        assertNotNull(registry.reflector(), "loaded again at the next use");
    }
}
