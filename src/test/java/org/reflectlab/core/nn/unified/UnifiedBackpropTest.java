package org.reflectlab.core.nn.unified;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Sample;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.nn.unified.UnifiedConfig;
import org.reflectlab.core.nn.unified.UnifiedModel;

/** The fast forward + backward gives SameDiff's four losses and the gradient of every parameter. */
class UnifiedBackpropTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @Test
    void lossesAndGradientsMatchSameDiff() {
        assertMatchesSameDiff(new UnifiedConfig(16, 4, 32, 2, 2, 1, 1, 1, 24, 1.0, 0.7, 1.3, 0.4, 0.1));
    }

    @Test
    void spatialLatentLossesAndGradientsMatchSameDiff() {
        assertMatchesSameDiff(new UnifiedConfig(16, 4, 32, 2, 1, 1, 1, 1, 24, 1.0, 0.7, 1.3, 0.4, 0.1).withLatentChannels(3, 0));
    }

    @Test
    void noisyLatentLossesAndGradientsMatchSameDiff() {
        // tanh-bounded latent, decoded with noise added: the noise is an input, so both paths see the same draw
        assertMatchesSameDiff(new UnifiedConfig(16, 4, 32, 2, 1, 1, 1, 1, 24, 1.0, 0.7, 1.3, 0.4, 0.1)
                .withLatentChannels(3, 0).withLatentNoise(0.3));
    }

    @Test
    void vectorLatentWithATransformerDecoderLossesAndGradientsMatchSameDiff() {
        // one bounded, noisy vector spread over the patch grid by dec/expand, then decoded by transformer blocks
        assertMatchesSameDiff(new UnifiedConfig(16, 4, 32, 2, 1, 1, 1, 1, 24, 1.0, 0.7, 1.3, 0.4, 0.1)
                .withDecoderChannels(3).withLatentNoise(0.3));
    }

    @Test
    void foregroundWeightedImageLossesAndGradientsMatchSameDiff() {
        assertMatchesSameDiff(new UnifiedConfig(16, 4, 32, 2, 1, 1, 1, 1, 24, 1.0, 0.7, 1.3, 0.4, 0.1)
                .withDecoderChannels(3).withForegroundWeight(4.0));
    }

    @Test
    void theForegroundWeightRaisesTheImageLossByWhatObjectsGetWrong() {
        UnifiedConfig plain = new UnifiedConfig(16, 4, 32, 2, 1, 1, 1, 1, 24, 1.0, 0.7, 1.3, 0.4, 0.1).withDecoderChannels(3);
        UnifiedModel a = UnifiedModel.create(plain, 5);
        UnifiedModel b = new UnifiedModel(plain.withForegroundWeight(4.0), a.params());
        ShapesWorld w = new ShapesWorld(new DataSpec(3, 16, DataSpec.defaults(3).categories()));
        List<Sample> samples = w.samples(0, 6);
        List<RgbImage> images = samples.stream().map(s -> w.render(s.scene())).toList();
        Map<String, INDArray> in = a.inputs(images, samples.stream().map(Sample::description).toList());
        double unweighted = a.trainingGraph().output(in, UnifiedModel.LOSS_RECON).get(UnifiedModel.LOSS_RECON).getDouble(0);
        double weighted = b.trainingGraph().output(in, UnifiedModel.LOSS_RECON).get(UnifiedModel.LOSS_RECON).getDouble(0);
        // objects cover a minority of pixels: the weighted loss grows, but by far less than 1 + 4 times
        assertTrue(weighted > unweighted * 1.05 && weighted < unweighted * 5, unweighted + " -> " + weighted);
        // the caption -> image loss is not weighted: a caption leaves positions open (UnifiedConfig)
        assertEquals(a.trainingGraph().output(in, UnifiedModel.LOSS_GEN).get(UnifiedModel.LOSS_GEN).getDouble(0),
                b.trainingGraph().output(in, UnifiedModel.LOSS_GEN).get(UnifiedModel.LOSS_GEN).getDouble(0), 1e-7);
    }

    @Test
    void theDecoderAloneGetsTheGraphsReconstructionGradientsAndNothingElseMoves() {
        // no generation loss: then the full graph's decoder gradients are the reconstruction's alone
        UnifiedConfig config = new UnifiedConfig(16, 4, 32, 2, 1, 1, 2, 1, 24, 2.0, 0.0, 1.3, 0.4, 0.1)
                .withLatentNoise(0.2).withForegroundWeight(3.0);
        UnifiedModel m = UnifiedModel.create(config, 5);
        ShapesWorld w = new ShapesWorld(new DataSpec(3, 16, DataSpec.defaults(3).categories()));
        List<Sample> samples = w.samples(0, 6);
        Map<String, INDArray> in = m.inputs(samples.stream().map(s -> w.render(s.scene())).toList(),
                samples.stream().map(Sample::description).toList());
        in.put(UnifiedModel.LATENT_NOISE, Nd4j.randn(org.nd4j.linalg.api.buffer.DataType.FLOAT, samples.size(), config.latent()).muli(0.2));
        INDArray[] features = m.features().stream().map(in::get).toArray(INDArray[]::new);

        UnifiedNet fast = UnifiedNet.training(m);
        Map<String, Double> losses = fast.decoderStep(features);
        assertEquals(m.trainingGraph().output(in, UnifiedModel.LOSS_RECON).get(UnifiedModel.LOSS_RECON).getDouble(0),
                losses.get(UnifiedModel.LOSS_RECON), 1e-4);
        List<String> names = new ArrayList<>(m.params().arrays().keySet());
        Map<String, INDArray> grads = m.trainingGraph().calculateGradients(in, names.toArray(new String[0]));
        int decoder = 0;
        for (String name : names) {
            FloatBuffer actual = fast.grads().of(name);
            if (!name.startsWith("dec/")) {
                for (int i = 0; i < actual.capacity(); i++) {
                    assertEquals(0f, actual.get(i), name + " is frozen: no gradient");
                }
                continue;
            }
            decoder++;
            assertGradientMatches(name, grads.get(name), actual);
        }
        assertTrue(decoder >= 4, "the decoder's arrays were compared");
    }

    private static void assertMatchesSameDiff(UnifiedConfig config) {
        UnifiedModel m = UnifiedModel.create(config, 5);
        m.params().arrays().forEach((k, a) -> a.addi(Nd4j.randn(a.dataType(), a.shape()).muli(0.05)));
        ShapesWorld w = new ShapesWorld(new DataSpec(3, 16, DataSpec.defaults(3).categories()));
        List<Sample> samples = w.samples(0, 6);
        List<RgbImage> images = samples.stream().map(s -> w.render(s.scene())).toList();
        Map<String, INDArray> in = m.inputs(images, samples.stream().map(Sample::description).toList());
        if (config.noisyLatent()) {
            in.put(UnifiedModel.LATENT_NOISE, Nd4j.randn(org.nd4j.linalg.api.buffer.DataType.FLOAT, images.size(), config.latent()).muli(0.3));
        }
        INDArray[] features = m.features().stream().map(in::get).toArray(INDArray[]::new);

        UnifiedNet fast = UnifiedNet.training(m);
        Map<String, Double> losses = fast.step(features);
        Map<String, INDArray> ref = m.trainingGraph().output(in, UnifiedModel.LOSS_COMPONENTS.toArray(new String[0]));
        for (String c : UnifiedModel.LOSS_COMPONENTS) {
            assertEquals(ref.get(c).getDouble(0), losses.get(c), 1e-4 * Math.max(1, Math.abs(losses.get(c))), c);
        }

        List<String> names = new ArrayList<>(m.params().arrays().keySet());
        Map<String, INDArray> grads = m.trainingGraph().calculateGradients(in, names.toArray(new String[0]));
        for (String name : names) {
            assertGradientMatches(name, grads.get(name), fast.grads().of(name));
        }
    }

    private static void assertGradientMatches(String name, INDArray graph, FloatBuffer actual) {
        float[] expected = graph.dup('c').data().asFloat();
        double scale = 1e-4; // a floor: some gradients are zero in exact arithmetic (key biases under softmax)
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            worst = Math.max(worst, Math.abs(expected[i] - actual.get(i)));
        }
        assertTrue(worst <= 2e-3 * scale, name + ": max difference " + worst + " at scale " + scale);
    }
}
