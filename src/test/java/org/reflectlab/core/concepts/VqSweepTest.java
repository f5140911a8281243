package org.reflectlab.core.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.backend.Backend;

class VqSweepTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @Test
    void reconstructionErrorFallsWithCodebookSizeOnAFixedSeed() {
        VqSweep.Settings s = new VqSweep.Settings(7, List.of(4, 16, 64, 256), 60, 20, 4, 30, 256, 60);
        VqSweep.Result r = VqSweep.run(s, 2, Progress.NONE);
        assertEquals(4, r.points().size());
        for (int i = 1; i < r.points().size(); i++) {
            assertTrue(r.points().get(i).mse() < r.points().get(i - 1).mse(), "K " + r.points().get(i).size() + ": " + r.table());
        }
        assertTrue(r.slope() < 0);
        assertEquals(2, r.points().get(0).reconstructions().size());
        assertEquals(r.points().get(0).mse() * 0.5, r.reference(16), 1e-12);
        // the same seed gives the same numbers
        assertEquals(r.points().get(2).mse(), VqSweep.run(s, 0, Progress.NONE).points().get(2).mse(), 0.0);
    }

    @Test
    void aCodebookAsLargeAsTheDistinctDataReconstructsItExactly() {
        float[] data = {0, 0, 1, 1, 0, 0, 2, 2, 1, 1};
        Codebook.Training t = Codebook.learn(data, 2, 3, 5, 4, 10, 1, Progress.NONE);
        assertEquals(0.0, t.codebook().meanSquaredError(data)[0], 1e-12);
        assertEquals(3.0, t.codebook().meanSquaredError(data)[1]);
    }
}
