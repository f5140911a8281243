package org.reflectlab.ui.kit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Japanese-font check says "missing" when no font has the glyphs (the status bar then says so in one line). */
class FontCheckTest {

    @Test
    void noFontsMeansNoJapanese() {
        assertFalse(FontCheck.anyCanDisplay(List.of(), FontCheck.SAMPLE));
    }

    @Test
    void aFontWithoutKanaIsNotEnoughButLatinTextIsFine() {
        // the logical fonts are composites of whatever is installed: Latin is always there
        List<java.awt.Font> fonts = List.of(new java.awt.Font(java.awt.Font.DIALOG, java.awt.Font.PLAIN, 12));
        assertTrue(FontCheck.anyCanDisplay(fonts, "ReflectLab"));
        // the machine's answer runs without a display and agrees with a direct per-font look
        boolean any = FontCheck.japaneseAvailable();
        assertTrue(any == java.util.Arrays.stream(java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts())
                .anyMatch(f -> f.canDisplayUpTo(FontCheck.SAMPLE) == -1));
    }
}
