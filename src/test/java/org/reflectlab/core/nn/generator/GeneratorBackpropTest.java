package org.reflectlab.core.nn.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.reflect.TinyModels;

/** The generator's fast forward + backward gives SameDiff's flow loss and the gradient of every parameter. */
class GeneratorBackpropTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @Test
    void lossAndGradientsMatchSameDiff() {
        Generator g = TinyModels.generator(TinyModels.unified());
        g.params().arrays().forEach((k, a) -> {
            if (k.startsWith("gen/")) {
                a.addi(Nd4j.randn(a.dataType(), a.shape()).muli(0.2));
            }
        });
        List<Generator.Condition> conds = TinyModels.mixedConditions(g);
        Map<String, INDArray> in = new HashMap<>(g.inputs(conds, Generator.noise(3, g.config().latent(), 11),
                new double[] {0.1, 0.5, 0.8}));
        in.put("v_target", Generator.noise(3, g.config().latent(), 12));
        INDArray[] batch = g.features().stream().map(in::get).toArray(INDArray[]::new);

        GeneratorNet fast = GeneratorNet.training(g);
        double loss = fast.step(batch).get(Generator.LOSS_FLOW);
        assertEquals(g.graph().output(in, Generator.LOSS_FLOW).get(Generator.LOSS_FLOW).getDouble(0), loss, 1e-4 * loss);

        List<String> names = g.params().arrays().keySet().stream().filter(k -> k.startsWith("gen/")).toList();
        g.graph().setLossVariables(Generator.LOSS);
        Map<String, INDArray> grads = g.graph().calculateGradients(in, names.toArray(new String[0]));
        for (String name : names) {
            float[] expected = grads.get(name).dup('c').data().asFloat();
            FloatBuffer actual = fast.grads().of(name);
            double scale = 1e-4; // a floor: key biases have zero gradient in exact arithmetic
            double worst = 0;
            for (int i = 0; i < expected.length; i++) {
                scale = Math.max(scale, Math.abs(expected[i]));
                worst = Math.max(worst, Math.abs(expected[i] - actual.get(i)));
            }
            assertTrue(worst <= 2e-3 * scale, name + ": max difference " + worst + " at scale " + scale);
        }
    }
}
