package org.reflectlab.core.nn.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.reflect.TinyModels;

/**
 * A data-predicting generator: its network outputs the clean latent, sampling turns that into the
 * velocity (x1 - x_t) / (1 - t), and its training target is x1 itself.
 */
class DataPredictionTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @Test
    void theSettingRoundTripsAndOnlyAppearsWhereSet() {
        GeneratorConfig plain = GeneratorConfig.defaults(32);
        assertFalse(plain.toMap().containsKey("prediction"), "a velocity generator writes the map it always wrote");
        GeneratorConfig data = plain.withDataPrediction(true);
        assertEquals(data, GeneratorConfig.fromMap(data.toMap()));
        assertTrue(data.withGuideStart(0.3).withTextGuide(true).predictsData(), "other withers keep it");
    }

    @Test
    void aNetworkThatAlwaysPredictsOneLatentSamplesExactlyThatLatent() {
        UnifiedModel unified = TinyModels.unified();
        Generator velocity = constantOutput(unified, false);
        Generator data = constantOutput(unified, true);
        var cond = new Generator.Condition(CaptionParser.parse("a red circle").caption(), List.of());
        INDArray c = Nd4j.ones(1, 16).muli(0.7);
        // Euler from noise: the last step (1 - t = 1 / steps) lands on the prediction exactly
        INDArray fromData = data.sample(cond, 1, 8, 5);
        assertTrue(fromData.equalsWithEps(c, 1e-5), fromData.toString());
        // the same constant read as a velocity moves the noise by it instead
        INDArray fromVelocity = velocity.sample(cond, 1, 8, 5);
        assertTrue(fromVelocity.sub(Generator.noise(1, 16, 5)).equalsWithEps(c, 1e-5), fromVelocity.toString());
    }

    @Test
    void theTrainingTargetIsTheCleanLatent() {
        Generator data = constantOutput(TinyModels.unified(), true);
        INDArray x0 = Generator.noise(2, 16, 1);
        INDArray x1 = Generator.noise(2, 16, 2);
        assertEquals(x1, data.flowTarget(x0, x1));
        assertEquals(x1.sub(x0), constantOutput(TinyModels.unified(), false).flowTarget(x0, x1));
    }

    /** A tiny generator whose output layer ignores its input and always says 0.7. */
    private static Generator constantOutput(UnifiedModel unified, boolean predictsData) {
        Generator tiny = TinyModels.generator(unified);
        Params p = tiny.params();
        Generator g = new Generator(tiny.config().withDataPrediction(predictsData), p).useGuide(tiny.guideCodec());
        p.get("gen/out/w").assign(0);
        p.get("gen/out/b").assign(0.7);
        return g;
    }
}
