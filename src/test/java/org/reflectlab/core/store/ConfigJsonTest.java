package org.reflectlab.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.nn.detector.DetectorConfig;
import org.reflectlab.core.nn.generator.GeneratorConfig;
import org.reflectlab.core.nn.unified.UnifiedConfig;
import org.reflectlab.core.nn.world.ImplicitConfig;

/** Configs through Jackson: the shipped manifests read back to the same map, so their configSha256 stays. */
class ConfigJsonTest {

    private static Manifest manifest(String name) throws ModelStoreException {
        return ModelStore.readManifest(Path.of("models", name, "manifest.json"));
    }

    @Test
    void shippedDetectorConfigsWriteBackToTheSameChecksum() throws Exception {
        for (String name : List.of("critic", "judge")) {
            Manifest m = manifest(name);
            DetectorConfig c = DetectorConfig.fromMap(m.config());
            Map<String, Object> again = new LinkedHashMap<>(m.config());
            again.putAll(c.toMap());
            assertEquals(m.configSha256(), ModelStore.configSha256(again), name);
            assertEquals(List.of("arch", "imageSize", "width", "depth", "hidden"), List.copyOf(c.toMap().keySet()));
        }
        assertEquals("vit", DetectorConfig.critic().toMap().get("arch"));
    }

    @Test
    void shippedWorldModelConfigWritesBackToTheSameChecksum() throws Exception {
        Manifest m = manifest("world-implicit");
        @SuppressWarnings("unchecked")
        Map<String, Object> model = (Map<String, Object>) m.config().get("model");
        ImplicitConfig c = ImplicitConfig.fromMap(model);
        assertEquals(model, c.toMap());
        Map<String, Object> again = new LinkedHashMap<>(m.config());
        again.put("model", c.toMap());
        assertEquals(m.configSha256(), ModelStore.configSha256(again));
    }

    @Test
    void shippedUnifiedAndGeneratorConfigsWriteBackToTheSameChecksum() throws Exception {
        for (String name : List.of("unified", "ablate-base", "ablate-align", "ablate-heads", "ablate-latent")) {
            Manifest m = manifest(name);
            @SuppressWarnings("unchecked")
            Map<String, Object> model = (Map<String, Object>) m.config().get("model");
            UnifiedConfig c = UnifiedConfig.fromMap(model);
            assertEquals(model, c.toMap(), name);
            Map<String, Object> again = new LinkedHashMap<>(m.config());
            again.put("model", c.toMap());
            assertEquals(m.configSha256(), ModelStore.configSha256(again), name);
        }
        for (String name : List.of("generator", "generator-base", "generator-sft")) {
            Manifest m = manifest(name);
            GeneratorConfig c = GeneratorConfig.fromMap(m.config());
            Map<String, Object> again = new LinkedHashMap<>(m.config());
            again.putAll(c.toMap());
            assertEquals(m.configSha256(), ModelStore.configSha256(again), name);
        }
    }

    @Test
    void componentsAddedLaterAreWrittenOnlyWhereSetAndReadBack() {
        UnifiedConfig plain = UnifiedConfig.tiny();
        assertFalse(plain.toMap().containsKey("foregroundWeight"));
        UnifiedConfig weighted = plain.withLatentNoise(0.1).withForegroundWeight(10);
        assertEquals(10.0, weighted.toMap().get("foregroundWeight"));
        assertEquals(weighted, UnifiedConfig.fromMap(weighted.toMap()));
        assertEquals(plain, UnifiedConfig.fromMap(plain.toMap()));

        GeneratorConfig velocity = GeneratorConfig.tiny(16);
        assertFalse(velocity.toMap().containsKey("prediction"));
        assertFalse(velocity.toMap().containsKey("guideStart"));
        GeneratorConfig data = velocity.withDataPrediction(true).withGuideStart(0.4);
        assertEquals("data", data.toMap().get("prediction"));
        assertFalse(data.toMap().containsKey("predictsData"));
        assertEquals(data, GeneratorConfig.fromMap(data.toMap()));
        Map<String, Object> older = new LinkedHashMap<>(velocity.toMap());
        older.remove("textGuide");
        assertEquals(velocity.withTextGuide(false), GeneratorConfig.fromMap(older), "generators before the text guide had none");

        Map<String, Object> m = new LinkedHashMap<>(plain.toMap());
        m.remove("width");
        assertEquals("model config lacks 'width'", assertThrows(IllegalArgumentException.class, () -> UnifiedConfig.fromMap(m))
                .getMessage());
    }

    @Test
    void aMissingOrBadValueGetsAOneLineMessage() {
        Map<String, Object> m = new LinkedHashMap<>(DetectorConfig.judge().toMap());
        m.remove("hidden");
        assertEquals("detector config lacks 'hidden'", assertThrows(IllegalArgumentException.class, () -> DetectorConfig.fromMap(m))
                .getMessage());
        m.put("hidden", 256);
        m.put("arch", "cnn");
        assertEquals("unknown detector architecture 'cnn' (vit or crops)",
                assertThrows(IllegalArgumentException.class, () -> DetectorConfig.fromMap(m)).getMessage());
        m.put("arch", "VIT");
        m.put("width", 7);
        assertEquals("ViT width must be 16..256 and divisible by 4",
                assertThrows(IllegalArgumentException.class, () -> DetectorConfig.fromMap(m)).getMessage(), "the record's own check speaks");
        m.put("width", 64.0);
        assertEquals(DetectorConfig.critic(), DetectorConfig.fromMap(m), "numbers read as JSON may come as decimals");
    }
}
