package org.reflectlab.core.reflect;

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
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.store.ModelStore;

/** The generator's and detectors' fast inference paths give their graphs' outputs. */
class FastPathTest {

    private static Reflector shipped;

    @BeforeAll
    static void load() throws Exception {
        Backend.start(1);
        shipped = ReflectModels.load(new ModelStore(Path.of("models")));
    }

    @Test
    void shippedGeneratorVelocityMatchesTheGraph() {
        assertVelocityMatches(shipped.generator(), shipped.codec());
    }

    @Test
    void randomTinyGeneratorMatchesTheGraph() {
        var unified = TinyModels.unified();
        Generator g = TinyModels.generator(unified);
        g.params().arrays().forEach((k, a) -> {
            if (k.startsWith("gen/")) {
                a.assign(Nd4j.randn(a.dataType(), a.shape()).muli(0.3));
            }
        });
        assertVelocityMatches(g, g.guideCodec());
    }

    @Test
    void shippedDetectorsGiveTheGraphsLogits() {
        ShapesWorld w = new ShapesWorld(DataSpec.defaults(5));
        List<RgbImage> images = w.samples(0, 6).stream().map(s -> w.render(s.scene())).toList();
        for (SceneReader r : List.of(shipped.critic(), shipped.judge())) {
            Detector d = (Detector) r;
            INDArray in = d.input(images);
            float[][] fast = new DetectorFast(d.config(), d.params()).logits(in, Detector.HEADS, Detector.HEAD_CLASSES);
            Map<String, INDArray> ref = d.graph().output(Map.of("input", in), "logits_presence", "logits_shape", "logits_color", "logits_size");
            String[] names = {"presence", "shape", "color", "size"};
            for (int k = 0; k < names.length; k++) {
                float[] expected = ref.get("logits_" + names[k]).dup('c').data().asFloat();
                assertEquals(expected.length, fast[k].length, names[k]);
                assertArrayEquals(expected, fast[k], 1e-3f, d.config().arch() + " " + names[k]);
            }
        }
    }

    private static void assertVelocityMatches(Generator g, LatentCodec codec) {
        List<Generator.Condition> conds = TinyModels.mixedConditions(g);
        INDArray xt = Generator.noise(3, g.config().latent(), 11);
        Map<String, INDArray> in = g.inputs(conds, xt, new double[] {0.0, 0.4, 0.9});
        INDArray expected = g.graph().output(in, "v").get("v");
        INDArray actual = new GeneratorFast(g.config(), g.params(), g.sequenceLength()).velocity(in);
        assertArrayEquals(expected.shape(), actual.shape());
        double scale = Math.max(1e-3, expected.amaxNumber().doubleValue());
        double diff = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(diff < 2e-4 * scale, "max difference " + diff + " at scale " + scale);
    }
}
