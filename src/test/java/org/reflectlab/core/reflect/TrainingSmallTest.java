package org.reflectlab.core.reflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.nn.NetworkIO;
import org.reflectlab.core.nn.detector.Detector;
import org.reflectlab.core.nn.detector.DetectorConfig;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.generator.GeneratorConfig;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.store.ModelStore;

class TrainingSmallTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @Test
    void detectorLossFallsAndSurvivesSaveAndLoad(@TempDir Path dir) throws Exception {
        DetectorTraining t = new DetectorTraining(DetectorConfig.judge(), 5, 32, 60, 3e-3);
        double first = t.step().loss();
        double last = 0;
        while (!t.finished()) {
            last = t.step().loss();
        }
        assertTrue(last < 0.6 * first, first + " -> " + last);
        ModelStore store = new ModelStore(dir);
        t.save(store, "judge", "judge", "test", t.evaluate(64));
        Detector loaded = NetworkIO.load(store, "judge", Detector.NETWORK);
        List<RgbImage> imgs = List.of(new ShapesWorld(DataSpec.defaults(2)).image(0));
        assertEquals(t.detector().read(imgs), loaded.read(imgs));
    }

    @Test
    void generatorFlowLossFallsAndSurvivesSaveAndLoad(@TempDir Path dir) throws Exception {
        UnifiedModel unified = TinyModels.unified();
        GeneratorTraining t = GeneratorTraining.fresh(GeneratorConfig.tiny(16), unified, "tiny", 4, 32,
                200, 1e-2, 0.5);
        double first = 0;
        for (int i = 0; i < 20; i++) {
            first += t.step().loss() / 20;
        }
        double last = 0;
        while (!t.finished()) {
            double l = t.step().loss();
            if (t.completedSteps() > 180) {
                last += l / 20;
            }
        }
        // The flow loss starts near 2 (two unit variances) and cannot reach 0: learning shows as a clear drop.
        assertTrue(last < first - 0.05, first + " -> " + last);
        ModelStore store = new ModelStore(dir);
        t.save(store, "generator", "test", java.util.Map.of());
        Generator loaded = NetworkIO.load(store, "generator", Generator.NETWORK).useGuide(t.codec());
        var cond = new Generator.Condition(CaptionParser.parse("two circles").caption(), List.of());
        assertEquals(t.generator().sample(cond, 1, 2, 9), loaded.sample(cond, 1, 2, 9));
    }
}
