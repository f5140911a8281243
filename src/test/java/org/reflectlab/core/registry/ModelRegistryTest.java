package org.reflectlab.core.registry;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.store.ModelStore;

/** One registry per models folder; each model set loaded once and shared until forgotten. */
class ModelRegistryTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @Test
    void workspacesOnOneFolderShareOneLoadedReflectionSet(@TempDir Path other) throws Exception {
        ModelRegistry a = ModelRegistry.of(new ModelStore(Path.of("models")));
        ModelRegistry b = ModelRegistry.of(new ModelStore(Path.of("models").toAbsolutePath()));
        assertSame(a, b, "the same folder, however it is named, has one registry");
        assertNotSame(a, ModelRegistry.of(new ModelStore(other)));
        a.forget(); // other tests in this JVM may have used it
        Reflector r = a.reflector();
        assertSame(r, b.reflector(), "loaded once");
        assertSame(r.codec().unified(), a.unified(), "the unified model is the reflection set's copy, not a second one");
        a.forget();
        assertNotSame(r, a.reflector(), "forgotten, the folder is read again");
        a.forget();
        var unified = a.unified();
        assertSame(unified, a.reflector().codec().unified(), "loaded the other way round, still one unified model");
    }
}
