package org.reflectlab.core.nn.unified;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Sample;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.nn.fast.Lanes;

/**
 * A training step of the default model at batch 32 (large enough that kernels, attention and Adam split) gives
 * the same losses and gradients on two lanes as on one: the split changes who computes, not what. Not to the
 * bit: GELU's and softmax's exponentials differ in the last bit between code the JIT has compiled (a vector exp)
 * and code it has not yet, and the two steps meet the JIT at different stages; and on two lanes a product is cut
 * into row blocks, whose edge rows OpenBLAS sums with other micro-kernels. Hence 1e-5, 200x tighter than the fast
 * path is held to SameDiff, of each gradient's largest value or 1e-3: the key projections' bias has a gradient of
 * exactly zero (softmax ignores a shift of a row), so its computed values (~1e-9) are rounding alone.
 */
class UnifiedLanesTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @AfterAll
    static void oneLane() {
        Lanes.set(1);
    }

    @Test
    void twoLanesGiveOneLanesStep() {
        UnifiedModel m = UnifiedModel.create(UnifiedConfig.defaults(), 5);
        ShapesWorld w = new ShapesWorld(DataSpec.defaults(3));
        List<Sample> samples = w.samples(0, 32);
        List<RgbImage> images = samples.stream().map(s -> w.render(s.scene())).toList();
        Map<String, INDArray> in = m.inputs(images, samples.stream().map(Sample::description).toList());
        INDArray[] features = m.features().stream().map(in::get).toArray(INDArray[]::new);

        Lanes.set(1);
        UnifiedNet one = UnifiedNet.training(m);
        Map<String, Double> lossesOne = one.step(features);
        Map<String, float[]> gradsOne = copy(one.grads().all());
        Lanes.set(2);
        UnifiedNet two = UnifiedNet.training(m);
        Map<String, Double> lossesTwo = two.step(features);

        lossesOne.forEach((k, v) -> assertEquals(v, lossesTwo.get(k), 1e-5 * Math.abs(v), k));
        two.grads().all().forEach((name, g) -> {
            float[] expected = gradsOne.get(name);
            float[] actual = copy(g);
            double scale = 1e-3;
            double worst = 0;
            for (int i = 0; i < expected.length; i++) {
                scale = Math.max(scale, Math.abs(expected[i]));
                worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
            }
            assertTrue(worst <= 1e-5 * scale, name + ": max difference " + worst + " at scale " + scale);
        });
    }

    private static Map<String, float[]> copy(Map<String, FloatBuffer> grads) {
        Map<String, float[]> out = new LinkedHashMap<>();
        grads.forEach((k, g) -> out.put(k, copy(g)));
        return out;
    }

    private static float[] copy(FloatBuffer g) {
        float[] out = new float[g.capacity()];
        g.duplicate().clear().get(out);
        return out;
    }
}
