package org.reflectlab.core.nn.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/**
 * A slot grows to at least twice its size, so batches that grow one request at a time (a serving
 * worker's) reallocate a few times rather than once per new batch size.
 */
class SlotTest {

    @Test
    void growsGeometricallyAndReusesWhatFits() {
        Slot s = new Slot();
        Mat first = s.mat(1, 10);
        assertEquals(10, first.buf().capacity(), "the first allocation is the size asked for");
        Mat fits = s.mat(2, 5);
        assertSame(first.buf(), fits.buf(), "a request that fits reuses the buffer");
        int reallocations = 0;
        java.nio.FloatBuffer last = fits.buf();
        for (int rows = 2; rows <= 32; rows++) {
            Mat m = s.mat(rows, 10);
            assertEquals(rows, m.rows());
            assertEquals(10, m.cols());
            if (m.buf() != last) {
                reallocations++;
                last = m.buf();
            }
        }
        // 10 -> 20 -> 40 -> 80 -> 160 -> 320 floats: 5 reallocations for batches 2..32, not 31
        assertEquals(5, reallocations);
        assertEquals(320, last.capacity());
        assertEquals(1000, s.mat(100, 10).buf().capacity(), "a jump past twice the size takes the size asked for");
    }
}
