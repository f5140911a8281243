package org.reflectlab.ui.kit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Every glossary formula renders (JLaTeXMath) to an image with ink on it; a malformed one is refused. */
class FormulaTest {

    @Test
    void everyGlossaryFormulaRenders() {
        int formulas = 0;
        for (Glossary.Term t : Glossary.all()) {
            if (t.latex() == null) {
                continue;
            }
            BufferedImage img = Formula.renderAwt(t.latex(), 16);
            assertTrue(img.getWidth() > 20 && img.getHeight() > 8, t.name());
            assertTrue(inked(img), t.name() + " draws something");
            formulas++;
        }
        assertTrue(formulas >= 8, "the glossary has its formulas");
    }

    @Test
    void aMalformedFormulaIsRefused() {
        assertThrows(RuntimeException.class, () -> Formula.renderAwt("\\nosuchcommand{x}", 16));
    }

    @Test
    void theIssuesTermsAreInTheGlossary() {
        for (String term : new String[] {"NFE", "guidance", "context pairs", "R@1", "modality bias", "drift horizon", "power-law fit", "K*"}) {
            assertTrue(Glossary.find(term).isPresent(), term);
        }
        assertThrows(IllegalArgumentException.class, () -> Glossary.get("no such term"));
    }

    private static boolean inked(BufferedImage img) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) >>> 24) > 128) {
                    return true;
                }
            }
        }
        return false;
    }
}
