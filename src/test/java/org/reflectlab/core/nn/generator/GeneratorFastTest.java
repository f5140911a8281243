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
import org.reflectlab.core.nn.fast.FastPath;
import org.reflectlab.core.nn.fast.KernelSet;
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

    /**
     * Sampling on the fast path (placeholders built once per run, the Euler step on float arrays, context and prompt
     * parts embedded over their kept span) against the reference kernel set's steps (every input built again per
     * step, the step in ND4J calls) and SameDiff's graph: with and without guidance, velocity and data prediction,
     * from noise and part-way, on conditions that use every part of the sequence.
     */
    @Test
    void samplingStepsMatchTheReferenceSteps() {
        var unified = TinyModels.unified();
        Generator base = TinyModels.generator(unified);
        base.params().arrays().forEach((k, a) -> {
            if (k.startsWith("gen/")) {
                a.assign(Nd4j.randn(a.dataType(), a.shape()).muli(0.3));
            }
        });
        for (boolean data : new boolean[] {false, true}) {
            Generator g = new Generator(base.config().withDataPrediction(data), base.params()).useGuide(base.guideCodec());
            List<Generator.Condition> conds = TinyModels.mixedConditions(g);
            for (double guidance : new double[] {1.0, 2.0}) {
                for (double from : new double[] {0.0, 0.5}) {
                    INDArray start = Generator.noise(conds.size(), g.config().latent(), 5);
                    INDArray fast = FastPath.with(true, () -> g.integrate(conds, start.dup(), from, 3, guidance));
                    INDArray reference = FastPath.with(true, () -> KernelSet.with(true, () -> g.integrate(conds, start.dup(), from, 3, guidance)));
                    String what = (data ? "data" : "velocity") + " prediction, guidance " + guidance + ", from " + from;
                    double scale = Math.max(1e-3, reference.amaxNumber().doubleValue());
                    double diff = reference.sub(fast).amaxNumber().doubleValue();
                    assertTrue(diff < 1e-5 * scale, what + ": max difference to the reference steps " + diff + " at scale " + scale);
                    if (guidance != 1.0 && from == 0.0) {
                        // SameDiff's graph once per prediction (it is slow): the reference steps stand for it otherwise
                        INDArray graph = FastPath.with(false, () -> g.integrate(conds, start.dup(), from, 3, guidance));
                        double toGraph = graph.sub(fast).amaxNumber().doubleValue();
                        assertTrue(toGraph < 5e-4 * scale, what + ": max difference to the graph " + toGraph + " at scale " + scale);
                    }
                }
            }
        }
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
