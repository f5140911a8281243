package org.reflectlab.ui.kit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * Every glossary and quiz formula renders (JLaTeXMath) to an image with ink on it; a malformed one is
 * refused by the renderer and shown as text with the reason by the view. The notices' and the Concepts
 * panels' formulas are rendered by the layout probe's tour of every workspace (LayoutProbeTest).
 */
class FormulaTest {

    @Test
    void everyQuizFormulaRenders() {
        for (String latex : org.reflectlab.core.concepts.Quiz.formulas()) {
            BufferedImage img = Formula.renderAwt(latex, 15);
            assertTrue(inked(img), latex);
        }
    }

    @Test
    void aFormulaThatDoesNotParseShowsAsTextWithTheReason() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
        // nodes not in a scene may be built on any thread once the toolkit is up
        javafx.scene.Node[] shown = {Formula.view("R@1 = \\frac{1}{n}", 15), Formula.view("x^2", 15)};
        javafx.scene.control.Label plain = (javafx.scene.control.Label) shown[0];
        assertTrue(plain.getText().startsWith("R@1 = \\frac{1}{n}"), plain.getText());
        assertTrue(plain.getText().contains("could not be drawn") && plain.getText().contains("@"), plain.getText());
        assertTrue(plain.getStyleClass().contains("formula-error"));
        assertTrue(shown[1] instanceof javafx.scene.image.ImageView);
        assertTrue(Formula.failures().stream().anyMatch(f -> f.startsWith("R@1")), Formula.failures().toString());
    }

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
