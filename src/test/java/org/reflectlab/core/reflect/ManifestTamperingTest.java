package org.reflectlab.core.reflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.nn.NetworkIO;
import org.reflectlab.core.nn.detector.Detector;
import org.reflectlab.core.nn.detector.DetectorConfig;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;
import org.reflectlab.core.train.UnifiedModelIO;

/**
 * The shipped models with edited manifests: a changed configuration must never run silently with
 * the same weights, and a broken one is explained without Java internals.
 */
class ManifestTamperingTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @TempDir
    Path root;

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    /** Copies a shipped model into the temp store and edits its manifest. */
    @SuppressWarnings("unchecked")
    private ModelStore copy(String name, Consumer<Map<String, Object>> edit) throws Exception {
        Path to = Files.createDirectories(root.resolve(name));
        try (var files = Files.list(Path.of("models", name))) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        Path manifest = to.resolve(ModelStore.MANIFEST);
        Map<String, Object> m = JSON.readValue(manifest.toFile(), Map.class);
        edit.accept(m);
        JSON.writeValue(manifest.toFile(), m);
        return new ModelStore(root);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(Map<String, Object> m) {
        return (Map<String, Object>) m.get("config");
    }

    private static void assertPlain(String message) {
        assertFalse(message.matches("(?s).*(java\\.|Exception|/ by zero|enum constant|because \").*"), message);
    }

    @Test
    void theShippedManifestsCarryAConfigChecksum() throws Exception {
        for (String name : new String[] {"unified", "generator", "generator-base", "generator-sft", "critic", "judge",
                "world-implicit", "ablate-align", "ablate-base", "ablate-latent"}) {
            assertNotNull(ModelStore.readManifest(Path.of("models", name, ModelStore.MANIFEST)).configSha256(), name);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void fewerHeadsInTheUnifiedManifestAreRefused() throws Exception {
        ModelStore store = copy("unified", m -> ((Map<String, Object>) config(m).get("model")).put("heads", 3));
        ModelStoreException e = assertThrows(ModelStoreException.class, () -> UnifiedModelIO.load(store, "unified"));
        assertEquals(ModelStoreException.Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("its configuration was changed after the model was saved"), e.getMessage());
    }

    @Test
    void aShallowerGeneratorIsRefused() throws Exception {
        ModelStore store = copy("generator", m -> config(m).put("depth", 1));
        ModelStoreException e = assertThrows(ModelStoreException.class,
                () -> NetworkIO.load(store, "generator", Generator.NETWORK));
        assertTrue(e.getMessage().contains("its configuration was changed"), e.getMessage());
    }

    @Test
    void withoutAChecksumEveryStoredParameterMustBeUsedAndEveryNeededOnePresent() throws Exception {
        ModelStore shallow = copy("generator", m -> {
            m.remove("configSha256");
            config(m).put("depth", 1);
        });
        ModelStoreException e = assertThrows(ModelStoreException.class,
                () -> NetworkIO.load(shallow, "generator", Generator.NETWORK));
        assertTrue(e.getMessage().matches("(?s).*the weights hold \\d+ parameters the configuration does not use \\(gen/.*"),
                e.getMessage());
        Files.walk(root).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        ModelStore deeper = copy("generator", m -> {
            m.remove("configSha256");
            config(m).put("depth", ((Number) config(m).get("depth")).intValue() + 1);
        });
        e = assertThrows(ModelStoreException.class, () -> NetworkIO.load(deeper, "generator", Generator.NETWORK));
        assertTrue(e.getMessage().matches("(?s).*the weights lack \\d+ parameters the configuration needs \\(gen/.*"), e.getMessage());
    }

    @Test
    void brokenConfigurationsAreExplainedWithoutJavaInternals() throws Exception {
        ModelStore store = copy("unified", m -> {
            m.remove("configSha256");
            config(m).remove("model");
        });
        ModelStoreException e = assertThrows(ModelStoreException.class, () -> UnifiedModelIO.load(store, "unified"));
        assertEquals("Model 'unified' has no model configuration in its manifest (config.model is missing).", e.getMessage());

        copy("judge", m -> {
            m.remove("configSha256");
            m.put("config", Map.of());
        });
        e = assertThrows(ModelStoreException.class, () -> NetworkIO.load(store, "judge", Detector.NETWORK));
        assertTrue(e.getMessage().contains("detector config lacks 'arch'"), e.getMessage());
        assertPlain(e.getMessage());

        copy("critic", m -> {
            m.remove("configSha256");
            config(m).put("arch", "cnn");
        });
        e = assertThrows(ModelStoreException.class, () -> NetworkIO.load(store, "critic", Detector.NETWORK));
        assertTrue(e.getMessage().contains("unknown detector architecture 'cnn'"), e.getMessage());

        copy("generator", m -> {
            m.remove("configSha256");
            config(m).put("heads", 0);
        });
        e = assertThrows(ModelStoreException.class, () -> NetworkIO.load(store, "generator", Generator.NETWORK));
        assertTrue(e.getMessage().contains("heads must be 1 or more"), e.getMessage());
        assertPlain(e.getMessage());
    }

    @Test
    void otherManifestEditsDoNotMatter() throws Exception {
        ModelStore store = copy("judge", m -> m.put("command", "edited by hand"));
        assertEquals(DetectorConfig.judge().arch(), NetworkIO.load(store, "judge", Detector.NETWORK).config().arch());
    }
}
