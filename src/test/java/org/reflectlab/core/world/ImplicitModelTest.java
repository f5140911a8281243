package org.reflectlab.core.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.nn.world.ImplicitConfig;
import org.reflectlab.core.nn.world.ImplicitModel;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;
import org.reflectlab.core.train.StepResult;
import org.reflectlab.core.train.TrainSettings;

class ImplicitModelTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    private static ImplicitTraining tiny(int steps) {
        return ImplicitTraining.fresh(ImplicitConfig.tiny(), new TrainSettings(3e-3, 16, steps, 11, 5, 1000, 32, 1000),
                PhysicsParams.defaults());
    }

    @Test
    void oneStepErrorFallsWithTraining() {
        ImplicitTraining t = tiny(60);
        double before = t.evaluate().get(ImplicitTraining.STEP_MSE);
        while (!t.finished()) {
            StepResult r = t.trainStep();
            assertFalse(r.nonFinite());
        }
        double after = t.evaluate().get(ImplicitTraining.STEP_MSE);
        assertTrue(after < 0.5 * before, "held-out one-step error should fall clearly: " + before + " -> " + after);
        assertEquals(60, t.history().size());
    }

    @Test
    void sameSeedSameBatchesAndLosses() {
        ImplicitTraining a = tiny(3);
        ImplicitTraining b = tiny(3);
        assertEquals(a.batch(5, 2, 4).getFeatures(3), b.batch(5, 2, 4).getFeatures(3));
        for (int i = 0; i < 3; i++) {
            assertEquals(a.trainStep().loss(), b.trainStep().loss(), 0.0);
        }
    }

    @Test
    void rolloutsRunBatchedAndStepByStepAlike() {
        ImplicitModel m = ImplicitModel.create(ImplicitConfig.tiny(), 4);
        Episode e = Episode.of(WorldSpec.defaults().withHorizon(5));
        RgbImage f0 = FrameRenderer.render(e.state(0), 32);
        RgbImage f1 = FrameRenderer.render(e.state(1), 32);
        Episode other = Episode.of(WorldSpec.defaults().withHorizon(5).withSeed(9));
        RgbImage g0 = FrameRenderer.render(other.state(0), 32);
        RgbImage g1 = FrameRenderer.render(other.state(1), 32);
        List<List<RgbImage>> both = ImplicitRollouts.run(m, List.of(new RgbImage[] {f0, f1}, new RgbImage[] {g0, g1}),
                List.of(e.actions(), other.actions()), 5, () -> { });
        List<List<RgbImage>> one = ImplicitRollouts.run(m, List.<RgbImage[]>of(new RgbImage[] {f0, f1}),
                List.<double[][]>of(e.actions()), 5, () -> { });
        assertEquals(6, both.get(0).size());
        assertEquals(f1, both.get(0).get(0), "frame 0 is the context frame");
        assertTrue(RolloutMetrics.mse(both.get(0).get(5), one.get(0).get(5)) < 1e-10);
    }

    @Test
    void savedModelLoadsWithIdenticalOutputs(@TempDir Path dir) throws Exception {
        ImplicitTraining t = tiny(2);
        t.trainStep();
        t.trainStep();
        t.evaluate();
        ModelStore store = new ModelStore(dir);
        t.save(store, "w", "test", Map.of("extra", 1.0));
        assertTrue(store.verify("w").metrics().containsKey(ImplicitTraining.STEP_MSE));
        ImplicitModel loaded = ImplicitModelIO.load(store, "w");
        Episode e = Episode.of(WorldSpec.defaults());
        List<RgbImage> prev = List.of(FrameRenderer.render(e.state(0), 32));
        List<RgbImage> cur = List.of(FrameRenderer.render(e.state(1), 32));
        INDArray za = t.model().encode(prev, cur, new double[][] {e.action(0)});
        INDArray zb = loaded.encode(prev, cur, new double[][] {e.action(0)});
        assertEquals(za, zb);
        assertEquals(t.model().step(za, new double[][] {e.action(1)}).frames(), loaded.step(zb, new double[][] {e.action(1)}).frames());
    }

    @Test
    void corruptOrMissingModelsAreRefusedWithAClearMessage(@TempDir Path dir) throws Exception {
        ModelStore store = new ModelStore(dir);
        ModelStoreException missing = assertThrows(ModelStoreException.class, () -> ImplicitModelIO.load(store, "world-implicit"));
        assertTrue(missing.getMessage().startsWith("No model 'world-implicit'"), missing.getMessage());
        tiny(1).save(store, "w", "test", Map.of());
        Path weights = store.dir("w").resolve(store.verify("w").fileFor("weights").orElseThrow());
        byte[] b = Files.readAllBytes(weights);
        b[b.length / 2] ^= 0x5A;
        Files.write(weights, b);
        ModelStoreException corrupt = assertThrows(ModelStoreException.class, () -> ImplicitModelIO.load(store, "w"));
        assertTrue(corrupt.getMessage().contains("corrupt"), corrupt.getMessage());
        WorldModels models = WorldModels.load(store, "w", PhysicsParams.defaults(), 32);
        assertFalse(models.hasImplicit());
        assertTrue(models.implicitProblem().english().contains("explicit physics only"), models.implicitProblem().english());
    }
}
