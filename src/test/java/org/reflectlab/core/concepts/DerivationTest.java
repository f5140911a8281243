package org.reflectlab.core.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.data.Category;
import org.reflectlab.core.scaling.Method;
import org.reflectlab.core.scaling.SweepRow;

class DerivationTest {

    private static final int[] KS = {1, 2, 4, 8, 12, 16, 20};

    /** 400 prompts per K with exactly round(400 q(K)) correct. */
    private static List<SweepRow> rows(Method m, java.util.function.IntToDoubleFunction q) {
        List<SweepRow> out = new ArrayList<>();
        for (int k : KS) {
            long correct = Math.round(400 * q.applyAsDouble(k));
            for (int p = 0; p < 400; p++) {
                out.add(new SweepRow("p" + p, Category.SINGLE_OBJECT, "a square", m, k, 1, k, p < correct ? 1 : 0, true, k, 1));
            }
        }
        return out;
    }

    @Test
    void aConstantFixRateIsExponentialAndAFallingOneIsAPowerLaw() {
        List<SweepRow> all = new ArrayList<>(rows(Method.BEST_OF_N, k -> 1 - 0.6 * Math.pow(0.8, k - 1)));
        all.addAll(rows(Method.REFLECT, k -> 0.9 - 0.5 * Math.pow(k, -0.7)));
        Derivation.Result r = Derivation.analyse("synthetic", all);
        Derivation.MethodFit bon = r.methods().stream().filter(m -> m.method().equals("bon")).findFirst().orElseThrow();
        Derivation.MethodFit reflect = r.methods().stream().filter(m -> m.method().equals("reflect")).findFirst().orElseThrow();
        assertEquals("exponential", bon.better().form());
        assertEquals(0.2, bon.fixRate()[1], 0.01);
        assertEquals(0.2, bon.fixRate()[3], 0.02);
        assertEquals("power law", reflect.better().form());
        assertEquals(0.7, reflect.power().rate(), 0.1);
        assertTrue(reflect.fixRate()[1] > reflect.fixRate()[6], "power law: p_K falls with K");
        assertTrue(r.table().stream().anyMatch(l -> l.english().contains("better: exponential")));
    }
}
