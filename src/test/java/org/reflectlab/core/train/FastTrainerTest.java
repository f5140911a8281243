package org.reflectlab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.nn.unified.UnifiedNet;
import org.reflectlab.core.nn.unified.UnifiedConfig;
import org.reflectlab.core.nn.unified.UnifiedModel;

/** Adam on the fast path takes the same steps as SameDiff's Adam on the graph. */
class FastTrainerTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @Test
    void threeStepsMatchSameDiff() {
        TrainSettings s = new TrainSettings(3e-3, 6, 10, 7, 2, 1_000_000, 16, 1_000_000);
        UnifiedTraining data = UnifiedTraining.fresh(UnifiedConfig.tiny(), s);
        List<MultiDataSet> batches = List.of(data.nextBatch(), data.nextBatch(), data.nextBatch());

        UnifiedModel a = UnifiedModel.create(UnifiedConfig.tiny(), 7);
        UnifiedModel b = UnifiedModel.create(UnifiedConfig.tiny(), 7);
        WarmupCosine schedule = new WarmupCosine(3e-3, 2, 10, 0.05);
        SdTrainer reference = new SdTrainer(a.trainingGraph(), a.params(), UnifiedModel.FEATURES, UnifiedModel.LOSS,
                a.lossWeights(), schedule);
        UnifiedNet backprop = UnifiedNet.training(b);
        FastTrainer fast = new FastTrainer(b.params(), backprop.grads(), backprop::step, b.lossWeights(),
                new WarmupCosine(3e-3, 2, 10, 0.05));
        for (MultiDataSet batch : batches) {
            StepResult r1 = reference.step(batch);
            StepResult r2 = fast.step(batch);
            assertEquals(r1.loss(), r2.loss(), 1e-4 * Math.abs(r1.loss()), "loss at step " + r1.iteration());
            assertEquals(r1.learningRate(), r2.learningRate(), 1e-12);
        }
        assertEquals(reference.iteration(), fast.iteration());
        for (Map.Entry<String, INDArray> e : a.params().arrays().entrySet()) {
            if (e.getKey().endsWith("/attn/k/b")) {
                continue; // softmax ignores a key bias: its gradient is rounding noise, which Adam scales up to steps of lr
            }
            INDArray other = b.params().get(e.getKey());
            double diff = e.getValue().sub(other).amaxNumber().doubleValue();
            double moved = e.getValue().sub(UnifiedModel.create(UnifiedConfig.tiny(), 7).params().get(e.getKey()))
                    .amaxNumber().doubleValue();
            assertTrue(diff <= 0.02 * Math.max(moved, 1e-6), e.getKey() + ": differs by " + diff + " after moving " + moved);
        }
        Map<String, INDArray> state = fast.saveState();
        assertEquals(reference.saveState().keySet(), state.keySet(), "checkpoint keys are shared");
    }

    @Test
    void aNonFiniteOrExplodingStepChangesNothing() {
        UnifiedModel model = UnifiedModel.create(UnifiedConfig.tiny(), 9);
        UnifiedNet backprop = UnifiedNet.training(model);
        TrainSettings s = new TrainSettings(1e-3, 4, 10, 7, 2, 1_000_000, 16, 1_000_000);
        MultiDataSet batch = UnifiedTraining.fresh(UnifiedConfig.tiny(), s).nextBatch();
        double[] scale = {1.0};
        FastTrainer trainer = new FastTrainer(model.params(), backprop.grads(), f -> {
            Map<String, Double> parts = new java.util.LinkedHashMap<>(backprop.step(f));
            parts.replaceAll((k, v) -> v * scale[0]);
            return parts;
        }, model.lossWeights(), new WarmupCosine(1e-3, 1, 10, 0.05));
        trainer.guardExplosions(1000);
        trainer.step(batch);
        Map<String, INDArray> weights = model.params().snapshot();
        Map<String, INDArray> moments = trainer.saveState();
        for (double bad : new double[] {Double.NaN, 1e6}) {
            scale[0] = bad;
            StepResult r = trainer.step(batch);
            assertTrue(r.nonFinite(), "rejected at scale " + bad);
            weights.forEach((k, w) -> assertEquals(0.0, w.sub(model.params().get(k)).amaxNumber().doubleValue(), 0.0, k));
            trainer.saveState().forEach((k, m) -> assertEquals(0.0, m.sub(moments.get(k)).amaxNumber().doubleValue(), 0.0, k));
        }
        scale[0] = 1.0;
        assertTrue(!trainer.step(batch).nonFinite(), "a normal step is accepted again");
    }
}
