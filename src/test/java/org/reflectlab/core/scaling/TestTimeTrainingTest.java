package org.reflectlab.core.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.reflect.TinyModels;

class TestTimeTrainingTest {

    private static final Caption RED_CIRCLE = CaptionParser.parse("a red circle").caption();
    private static UnifiedModel unified;
    private static Generator generator;

    @BeforeAll
    static void models() {
        Backend.start(1);
        unified = TinyModels.unified();
        generator = TinyModels.generator(unified);
    }

    private static Reflector reflector(int criticWrongFirst) {
        return TinyModels.reflector(unified, generator, TinyModels.wrongFirst(criticWrongFirst),
                TinyModels.wrongFirst(0));
    }

    @Test
    void theBudgetIsNeverExceeded() {
        TestTimeTraining ttt = new TestTimeTraining(reflector(0));
        for (int steps : new int[] {2, 8}) {
            double s = ttt.sampleNfe(steps, 2.0);
            for (int k = 1; k <= 20; k++) {
                TestTimeTraining.Plan p = ttt.plan(k, steps, 2.0);
                double spent = (p.explore() + p.adapted()) * s + p.gradientSteps() * ttt.gradientStepNfe();
                assertTrue(spent <= k * s + 1e-9, "K=" + k + " spends " + spent + " of " + k * s);
                assertTrue(p.explore() >= 1);
            }
        }
    }

    @Test
    void adaptsOnlyAPrivateCopyOfThePromptLayers() {
        Map<String, INDArray> before = generator.params().snapshot();
        TestTimeTraining ttt = new TestTimeTraining(reflector(0));
        TestTimeTraining.Plan plan = ttt.plan(20, 8, 2.0);
        assertTrue(plan.gradientSteps() > 0, "K=20 at 8 steps leaves room to train: " + plan);
        TestTimeTraining.Outcome o = ttt.run(RED_CIRCLE, 20, 5, 8, 2.0, () -> false);
        assertTrue(o.adapted());
        assertEquals(plan.gradientSteps(), o.gradientSteps());
        assertEquals(plan.explore() + plan.adapted(), o.samples().size());
        assertTrue(o.nfe() <= 20 * ttt.sampleNfe(8, 2.0) + 1e-9);
        generator.params().arrays().forEach((k, v) -> assertEquals(before.get(k), v, "original weights changed: " + k));

        Generator copy = ttt.adaptedCopy(RED_CIRCLE, List.of(generator.sample(new Generator.Condition(RED_CIRCLE, List.of()),
                1, 2, 3).getRow(0).dup()), 3, 5, () -> false);
        boolean promptMoved = false;
        for (Map.Entry<String, INDArray> e : copy.params().arrays().entrySet()) {
            boolean same = e.getValue().equals(before.get(e.getKey()));
            if (TestTimeTraining.TRAINABLE_PREFIXES.stream().anyMatch(e.getKey()::startsWith)) {
                promptMoved |= !same;
            } else {
                assertTrue(same, "a frozen layer moved: " + e.getKey());
            }
        }
        assertTrue(promptMoved, "the prompt layers should have learned something");
    }

    @Test
    void withNothingAcceptedItSpendsTheBudgetOnPlainSamples() {
        TestTimeTraining ttt = new TestTimeTraining(reflector(1000));
        TestTimeTraining.Outcome o = ttt.run(RED_CIRCLE, 6, 5, 2, 2.0, () -> false);
        assertFalse(o.adapted());
        assertEquals(6, o.samples().size());
        assertEquals(0, o.gradientSteps());
    }
}
