package org.reflectlab.core.nn.unified;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Sample;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.nn.unified.UnifiedConfig;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.train.UnifiedModelIO;

/** The fast inference path gives the SameDiff graphs' outputs, on the shipped weights and on random ones. */
class UnifiedFastTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    private static ShapesWorld world(UnifiedModel m) {
        return new ShapesWorld(new DataSpec(77, m.config().imageSize(), DataSpec.defaults(77).categories()));
    }

    private static List<RgbImage> images(UnifiedModel m) {
        ShapesWorld w = world(m);
        return w.samples(0, 5).stream().map(s -> w.render(s.scene())).toList();
    }

    @Test
    void shippedModelMatchesItsGraphs() throws Exception {
        UnifiedModel m = UnifiedModelIO.load(new ModelStore(Path.of("models")), UnifiedModelIO.DEFAULT_NAME);
        assertMatches(m, 2e-4);
    }

    @Test
    void randomWeightsWithNonZeroBiasesMatch() {
        UnifiedModel m = UnifiedModel.create(UnifiedConfig.tiny(), 3);
        m.params().arrays().values().forEach(a -> a.assign(Nd4j.randn(a.dataType(), a.shape()).muli(0.3)));
        assertMatches(m, 2e-4);
    }

    @Test
    void spatialLatentMatchesItsGraphs() {
        UnifiedModel m = UnifiedModel.create(UnifiedConfig.tiny().withLatentChannels(4, 0), 6);
        m.params().arrays().values().forEach(a -> a.assign(Nd4j.randn(a.dataType(), a.shape()).muli(0.3)));
        assertMatches(m, 2e-4);
    }

    @Test
    void noisyLatentIsBoundedAndMatchesItsGraphs() {
        UnifiedModel m = UnifiedModel.create(UnifiedConfig.tiny().withLatentChannels(4, 0).withLatentNoise(0.2), 6);
        m.params().arrays().values().forEach(a -> a.assign(Nd4j.randn(a.dataType(), a.shape()).muli(0.3)));
        assertMatches(m, 2e-4);
        INDArray z = m.imageLatents(images(m));
        assertTrue(z.amaxNumber().doubleValue() < 1.0, "tanh bounds every latent number to (-1, 1)");
        assertTrue(z.amaxNumber().doubleValue() > 0.5, "random weights of this scale saturate some of them");
    }

    @Test
    void vectorLatentWithATransformerDecoderIsBoundedAndMatchesItsGraphs() {
        UnifiedConfig c = UnifiedConfig.tiny().withDecoderChannels(3).withLatentNoise(0.2);
        UnifiedModel m = UnifiedModel.create(c, 8);
        m.params().arrays().values().forEach(a -> a.assign(Nd4j.randn(a.dataType(), a.shape()).muli(0.3)));
        assertMatches(m, 2e-4);
        INDArray z = m.imageLatents(images(m));
        assertArrayEquals(new long[] {images(m).size(), c.latent()}, z.shape());
        // float tanh of a large readout sum rounds to exactly 1
        assertTrue(z.amaxNumber().doubleValue() <= 1.0, "tanh bounds every latent number to [-1, 1]");
        assertEquals(c.imageSize(), m.decodeImages(z).get(0).height());
    }

    @Test
    void spatialLatentIsAGridOfOneSmallVectorPerPatch() {
        UnifiedConfig c = UnifiedConfig.tiny().withLatentChannels(4, 0);
        UnifiedModel m = UnifiedModel.create(c, 7);
        List<RgbImage> images = images(m);
        INDArray z = m.imageLatents(images);
        assertArrayEquals(new long[] {images.size(), (long) c.imageTokens() * 4}, z.shape());
        assertEquals(images.size(), m.decodeImages(z).size());
        assertEquals(c.imageSize(), m.decodeImages(z).get(0).width());
    }

    @Test
    void batchOfOneMatchesTheSameRowOfABatch() {
        UnifiedModel m = UnifiedModel.create(UnifiedConfig.tiny(), 4);
        List<RgbImage> images = images(m);
        INDArray all = m.fast().imageLatents(m.patches(images));
        INDArray one = m.fast().imageLatents(m.patches(images.subList(2, 3)));
        assertArrayEquals(all.getRow(2).toFloatVector(), one.getRow(0).toFloatVector(), 1e-5f);
    }

    private static void assertMatches(UnifiedModel m, double tol) {
        List<Caption> captions = world(m).samples(0, 5).stream().map(Sample::caption).toList();
        Map<String, INDArray> in = m.inputs(images(m), captions);
        Map<String, INDArray> ref = m.trainingGraph().output(in, "z_img", "z_txt");
        INDArray zi = m.fast().imageLatents(in.get("patches"));
        INDArray zt = m.fast().textLatents(in.get("tokens"), in.get("token_mask"));
        close("image latents", ref.get("z_img"), zi, tol);
        close("text latents", ref.get("z_txt"), zt, tol);
        Map<String, INDArray> out = m.decodingOutputs(zt);
        close("decoded patches", out.get("patches_out"), m.fast().decodeImage(zt), tol);
        close("caption logits", out.get("logits_out"), m.fast().decodeCaption(zt), tol);
    }

    static void close(String what, INDArray expected, INDArray actual, double tol) {
        assertArrayEquals(expected.shape(), actual.shape(), what + " shape");
        double scale = Math.max(1e-3, expected.amaxNumber().doubleValue());
        double diff = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(diff <= tol * scale, what + ": max difference " + diff + " at scale " + scale);
    }
}
