package org.reflectlab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.nn.unified.UnifiedConfig;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;

class UnifiedTrainingTest {

    private static final UnifiedConfig TINY = UnifiedConfig.tiny();

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    private static TrainSettings settings(int steps) {
        return new TrainSettings(3e-3, 16, steps, 7, 2, 1000, 32, 1000);
    }

    @Test
    void tinyModelLossFallsClearly() {
        UnifiedTraining t = UnifiedTraining.fresh(TINY, settings(40));
        List<Double> losses = new ArrayList<>();
        while (!t.finished()) {
            StepResult r = t.trainStep();
            assertFalse(r.nonFinite());
            losses.add(r.loss());
        }
        double first = losses.subList(0, 5).stream().mapToDouble(d -> d).average().orElseThrow();
        double last = losses.subList(35, 40).stream().mapToDouble(d -> d).average().orElseThrow();
        assertTrue(last < 0.6 * first, "loss should fall clearly: first " + first + " last " + last);
        assertEquals(40, t.history().size());
        assertEquals(4, t.history().components().size());
    }

    @Test
    void sameSeedSameRun() {
        double[] a = losses(UnifiedTraining.fresh(TINY, settings(4)), 4);
        double[] b = losses(UnifiedTraining.fresh(TINY, settings(4)), 4);
        assertArrayEquals(a, b, 0.0);
    }

    @Test
    void inferenceSeesTrainingUpdates() {
        UnifiedTraining t = UnifiedTraining.fresh(TINY, settings(3));
        ShapesWorld w = new ShapesWorld(DataSpec.defaults(3).withCategories(DataSpec.defaults(3).categories()));
        List<RgbImage> imgs = List.of(SceneRendererHelper.image(w, TINY.imageSize()));
        INDArray before = t.model().imageLatents(imgs).dup();
        t.trainStep();
        INDArray after = t.model().imageLatents(imgs);
        assertFalse(before.equalsWithEps(after, 1e-7), "one step must change the image latent");
    }

    @Test
    void saveThenLoadGivesIdenticalOutputs(@TempDir Path dir) throws Exception {
        UnifiedTraining t = UnifiedTraining.fresh(TINY, settings(3));
        t.trainStep();
        ModelStore store = new ModelStore(dir);
        t.save(store, "u", "test", false);
        UnifiedModel loaded = UnifiedModelIO.load(store, "u");
        ShapesWorld w = new ShapesWorld(DataSpec.defaults(5));
        List<RgbImage> imgs = List.of(SceneRendererHelper.image(w, TINY.imageSize()));
        assertEquals(t.model().imageLatents(imgs), loaded.imageLatents(imgs));
        assertEquals(t.model().readCaptions(imgs), loaded.readCaptions(imgs));
        assertEquals(t.model().reconstruct(imgs), loaded.reconstruct(imgs));
    }

    @Test
    void resumedRunContinuesExactlyWhereItStopped(@TempDir Path dir) throws Exception {
        double[] straight = losses(UnifiedTraining.fresh(TINY, settings(6)), 6);
        UnifiedTraining first = UnifiedTraining.fresh(TINY, settings(6));
        losses(first, 3);
        ModelStore store = new ModelStore(dir);
        first.save(store, "ckpt", "test", true);
        UnifiedTraining resumed = UnifiedTraining.resume(store, "ckpt");
        assertEquals(3, resumed.completedSteps());
        assertEquals(3, resumed.history().size());
        double[] rest = losses(resumed, 3);
        assertArrayEquals(java.util.Arrays.copyOfRange(straight, 3, 6), rest, 1e-5);
    }

    @Test
    void nanBatchIsUndoneAndPausesTheRun() throws Exception {
        UnifiedTraining t = UnifiedTraining.fresh(TINY, settings(5));
        TrainingControl control = new TrainingControl();
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<String> message = new AtomicReference<>();
        AtomicReference<Map<String, INDArray>> before = new AtomicReference<>();
        AtomicReference<Map<String, INDArray>> optimizerBefore = new AtomicReference<>();
        TrainingObserver observer = new TrainingObserver() {
            @Override
            public void onNonFinite(StepResult result, String m) {
                message.set(m);
                control.stop(); // a user would lower the learning rate and resume; the test stops
            }
        };
        TrainingLoop.Outcome outcome = TrainingLoop.run(t, control, observer, () -> {
            MultiDataSet b = t.nextBatch();
            if (calls.incrementAndGet() == 3) {
                before.set(t.model().params().snapshot());
                optimizerBefore.set(t.optimizerState());
                b.getFeatures(0).putScalar(0, Float.NaN);
            }
            return b;
        });
        assertEquals(TrainingLoop.Outcome.STOPPED, outcome);
        assertNotNull(message.get(), "the NaN was reported");
        assertTrue(message.get().contains("became NaN at step 3"), message.get());
        assertTrue(message.get().contains("Lower the learning rate"), message.get());
        assertEquals(2, t.completedSteps() - 1, "the bad step was counted by SameDiff but its update undone");
        assertFalse(t.model().params().hasNonFinite(), "weights stay finite");
        assertEquals(2, t.history().size(), "the bad step is not in the history");
        assertSameArrays(before.get(), t.model().params().snapshot(), "weights");
        assertFalse(optimizerBefore.get().isEmpty(), "Adam has state after two steps");
        assertSameArrays(optimizerBefore.get(), t.optimizerState(), "optimizer state");
    }

    @Test
    void aFiniteExplosionIsUndoneLikeANaN() throws Exception {
        UnifiedTraining t = UnifiedTraining.fresh(TINY, settings(6));
        TrainingControl control = new TrainingControl();
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<StepResult> refused = new AtomicReference<>();
        AtomicReference<String> message = new AtomicReference<>();
        AtomicReference<Map<String, INDArray>> before = new AtomicReference<>();
        TrainingLoop.run(t, control, new TrainingObserver() {
            @Override
            public void onNonFinite(StepResult result, String m) {
                refused.set(result);
                message.set(m);
                control.stop();
            }
        }, () -> {
            MultiDataSet b = t.nextBatch();
            if (calls.incrementAndGet() == 4) {
                before.set(t.model().params().snapshot());
                b.getFeatures(0).muli(1e4); // pixels 10,000x too bright: a finite loss far above the running average
            }
            return b;
        });
        assertNotNull(refused.get(), "the explosion was refused");
        assertTrue(Double.isFinite(refused.get().loss()) && refused.get().exploded(), refused.get().toString());
        assertTrue(message.get().contains("exploded") && message.get().contains("1000 times its running average"), message.get());
        assertSameArrays(before.get(), t.model().params().snapshot(), "weights");
        assertEquals(3, t.history().size());
    }

    @Test
    void aRunThatKeepsDivergingGivesUp() throws Exception {
        UnifiedTraining t = UnifiedTraining.fresh(TINY, settings(30));
        TrainingControl control = new TrainingControl();
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger rollbacks = new AtomicInteger();
        AtomicReference<String> gaveUp = new AtomicReference<>();
        TrainingLoop.Outcome outcome = TrainingLoop.run(t, control, new TrainingObserver() {
            @Override
            public void onNonFinite(StepResult result, String m) {
                rollbacks.incrementAndGet();
                t.scaleLearningRate(1.0 / 3); // what the CLI does
                control.resume();
            }

            @Override
            public void onDiverged(StepResult result, String m) {
                gaveUp.set(m);
            }
        }, () -> {
            MultiDataSet b = t.nextBatch();
            if (calls.incrementAndGet() > 2) {
                b.getFeatures(0).putScalar(0, Float.NaN);
            }
            return b;
        });
        assertEquals(TrainingLoop.Outcome.DIVERGED, outcome);
        assertEquals(TrainingLoop.MAX_CONSECUTIVE_ROLLBACKS - 1, rollbacks.get(), "paused and retried before giving up");
        assertEquals(2 + TrainingLoop.MAX_CONSECUTIVE_ROLLBACKS, calls.get(), "no step after giving up");
        assertTrue(gaveUp.get().startsWith("Training diverged: " + TrainingLoop.MAX_CONSECUTIVE_ROLLBACKS + " steps in a row"),
                gaveUp.get());
    }

    @Test
    void weightsWithNonFiniteOutputsAreNeverSaved(@TempDir Path dir) throws Exception {
        UnifiedTraining t = UnifiedTraining.fresh(TINY, settings(2));
        t.trainStep();
        ModelStore store = new ModelStore(dir);
        t.save(store, "u", "test", false);
        String before = Files.readString(store.dir("u").resolve(ModelStore.MANIFEST));
        t.model().params().arrays().values().iterator().next().putScalar(0, Float.NaN);
        ModelStoreException e = assertThrows(ModelStoreException.class, () -> t.save(store, "u", "test", false));
        assertEquals(ModelStoreException.Reason.NOT_FINITE, e.reason());
        assertTrue(e.getMessage().contains("not finite"), e.getMessage());
        assertEquals(before, Files.readString(store.dir("u").resolve(ModelStore.MANIFEST)), "the saved model is unchanged");
        assertThrows(ModelStoreException.class, () -> t.save(store, "u-checkpoint", "test", true));
        assertFalse(store.exists("u-checkpoint"));
    }

    private static void assertSameArrays(Map<String, INDArray> expected, Map<String, INDArray> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what);
        expected.forEach((k, v) -> assertEquals(v, actual.get(k), what + " " + k + " is as before the bad step"));
    }

    @Test
    void corruptWeightsAreRejectedWithAClearMessage(@TempDir Path dir) throws Exception {
        UnifiedTraining t = UnifiedTraining.fresh(TINY, settings(1));
        ModelStore store = new ModelStore(dir);
        t.save(store, "u", "test", false);
        Path weights = store.dir("u").resolve(store.verify("u").fileFor("weights").orElseThrow());
        byte[] b = Files.readAllBytes(weights);
        Files.write(weights, java.util.Arrays.copyOf(b, b.length / 2));
        ModelStoreException e = assertThrows(ModelStoreException.class, () -> UnifiedModelIO.load(store, "u"));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    private static double[] losses(UnifiedTraining t, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = t.trainStep().loss();
        }
        return out;
    }
}
