package org.reflectlab.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.nn.unified.UnifiedConfig;
import org.reflectlab.core.nn.unified.UnifiedModel;

/** bench inference --profile: the kernel kinds and "other" add up to the timed call, and the products are in it. */
class InferenceProfileTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @Test
    void theKindsAndTheRestAddUpToTheCall() {
        InferenceBenchmark bench = new InferenceBenchmark(UnifiedModel.create(UnifiedConfig.defaults(), 1), null, 0.3);
        Map<String, Double> ms = bench.profileForward(1);
        double call = ms.remove("call");
        assertTrue(call > 0, ms.toString());
        assertTrue(ms.get("gemm") + ms.get("gemm small") > 0, "the forward's products are timed: " + ms);
        assertTrue(ms.values().stream().allMatch(v -> v >= 0), ms.toString());
        assertEquals(call, ms.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-6 * call, ms.toString());
    }
}
