package org.reflectlab.core.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A decoded caption that goes wrong at its end is answered for what parses, and the rest is named. */
class PartialCaptionTest {

    @Test
    void theLongestParsableBeginningIsKeptAndTheRestNamed() {
        PartialCaption p = PartialCaption.read("a small blue triangle at at").orElseThrow();
        assertEquals("a small blue triangle", p.understood());
        assertEquals("at at", p.notUnderstood());
        assertEquals(1, p.caption().objectCount());
        assertTrue(PartialCaption.read("a red circle left of a blue square").orElseThrow().whole());
        assertTrue(PartialCaption.read("at at the").isEmpty());
    }
}
