package org.reflectlab.ui.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DecimatingBufferTest {

    @Test
    void staysBoundedAndCoversTheWholeHistory() {
        DecimatingBuffer b = new DecimatingBuffer(500);
        for (int i = 0; i < 100_000; i++) {
            b.add(i, Math.sin(i / 1000.0));
        }
        assertTrue(b.shownCount() <= 500 && b.shownCount() > 250, "shown " + b.shownCount());
        assertEquals(100_000, b.rawCount());
        assertTrue(b.shownX(0) < 300, "first bucket starts near 0: " + b.shownX(0));
        assertTrue(b.shownX(b.shownCount() - 1) > 99_000 - b.stride(), "last bucket near the end");
        for (int i = 1; i < b.shownCount(); i++) {
            assertTrue(b.shownX(i) > b.shownX(i - 1), "x increases");
        }
    }

    @Test
    void bucketsAverageTheirPoints() {
        DecimatingBuffer b = new DecimatingBuffer(4);
        for (int i = 0; i < 8; i++) {
            b.add(i, i * 10);
        }
        // 4 shown, then merged pairwise to stride 2: (0,1),(2,3),(4,5),(6,7)
        assertEquals(4, b.shownCount());
        assertEquals(2, b.stride());
        assertEquals(5.0, b.shownY(0), 1e-9);
        assertEquals(65.0, b.shownY(3), 1e-9);
    }

    @Test
    void clearStartsOver() {
        DecimatingBuffer b = new DecimatingBuffer(4);
        for (int i = 0; i < 20; i++) {
            b.add(i, i);
        }
        b.clear();
        b.add(1, 2);
        assertEquals(1, b.shownCount());
        assertEquals(1, b.stride());
    }
}
