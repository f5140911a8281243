package org.reflectlab.core.nn.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The guide start: saved only where set (older generators keep their checksums), refused without a text guide. */
class GeneratorConfigTest {

    @Test
    void aGuideStartRoundTripsAndOnlyAppearsWhereSet() {
        GeneratorConfig plain = GeneratorConfig.defaults(32);
        assertFalse(plain.toMap().containsKey("guideStart"), "a generator without it writes the map it always wrote");
        GeneratorConfig guided = plain.withGuideStart(0.4);
        assertEquals(guided, GeneratorConfig.fromMap(guided.toMap()));
        assertEquals(0.4, GeneratorConfig.fromMap(guided.toMap()).guideStart(), 1e-12);
        assertEquals(0.4, guided.withTextGuide(true).guideStart(), 1e-12, "other withers keep it");
    }

    @Test
    void aGuideStartNeedsTheTextGuideAndATimeBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> GeneratorConfig.defaults(32).withTextGuide(false).withGuideStart(0.4));
        assertThrows(IllegalArgumentException.class, () -> GeneratorConfig.defaults(32).withGuideStart(1.0));
        assertThrows(IllegalArgumentException.class, () -> GeneratorConfig.defaults(32).withGuideStart(-0.1));
    }
}
