package org.reflectlab.core.reflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.unified.UnifiedModel;

/** Both methods at one budget: as many as it buys, never more, and both spend what they were counted to. */
class EqualBudgetTest {

    private static UnifiedModel unified;
    private static Generator generator;

    @BeforeAll
    static void models() {
        Backend.start(1);
        unified = TinyModels.unified();
        generator = TinyModels.generator(unified);
    }

    @Test
    void theBudgetBuysWhatItCanAndBothRunsStayWithinIt() {
        Reflector r = TinyModels.reflector(unified, generator, TinyModels.wrongFirst(100, new AtomicInteger()),
                TinyModels.wrongFirst(100, new AtomicInteger()));
        ReflectSettings s = new ReflectSettings(10, 3, 2, 2, false, 1.0);
        Compute c = r.compute();
        double image = EqualBudget.minimum(c, s);
        assertThrows(IllegalArgumentException.class, () -> EqualBudget.of(c, s, image * 0.9));
        for (double budget : new double[] {image, 2.5 * image, 4 * image + 3 * c.encode(), 7.3 * image}) {
            EqualBudget b = EqualBudget.of(c, s, budget);
            assertTrue(b.reflectionCost(b.iterations()) <= budget + 1e-9 && b.reflectionCost(b.iterations() + 1) > budget, "K at " + budget);
            assertTrue(b.candidates() * image <= budget + 1e-9 && (b.candidates() + 1) * image > budget, "N at " + budget);
            assertTrue(b.candidates() >= b.iterations(), "best-of-N never buys fewer images than reflection");
        }
        EqualBudget b = EqualBudget.of(c, s, 4 * image + 3 * c.encode());
        assertEquals(4, b.iterations());
        EqualBudget.Result res = b.run(r, CaptionParser.parse("a red circle").caption(), s, it -> { }, () -> false);
        assertEquals(4, res.reflection().iterations().size());
        assertEquals(b.candidates(), res.bestOfN().candidates().size());
        assertEquals(b.reflectionCost(4), res.reflection().nfe(), 1e-6, "reflection spent what it was counted to");
        assertEquals(b.candidates() * image, res.bestOfN().candidates().get(b.candidates() - 1).nfe(), 1e-6);
    }
}
