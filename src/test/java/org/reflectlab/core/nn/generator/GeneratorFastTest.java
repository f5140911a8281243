package org.reflectlab.core.nn.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.generator.LatentCodec;
import org.reflectlab.core.reflect.ReflectModels;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.reflect.TinyModels;
import org.reflectlab.core.store.ModelStore;

/** The generator's fast inference path gives its graph's outputs. */
class GeneratorFastTest {

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

    private static void assertVelocityMatches(Generator g, LatentCodec codec) {
        List<Generator.Condition> conds = TinyModels.mixedConditions(g);
        INDArray xt = Generator.noise(3, g.config().latent(), 11);
        Map<String, INDArray> in = g.inputs(conds, xt, new double[] {0.0, 0.4, 0.9});
        INDArray expected = g.graph().output(in, "v").get("v");
        INDArray actual = GeneratorNet.inference(g).velocity(in);
        assertArrayEquals(expected.shape(), actual.shape());
        double scale = Math.max(1e-3, expected.amaxNumber().doubleValue());
        double diff = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(diff < 2e-4 * scale, "max difference " + diff + " at scale " + scale);
    }
}
