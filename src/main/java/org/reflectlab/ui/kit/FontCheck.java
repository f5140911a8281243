package org.reflectlab.ui.kit;

import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;

/**
 * Whether this system has a font that draws Japanese. JavaFX has no glyph-coverage query, so this asks AWT, which on
 * Linux reads the same fontconfig fonts JavaFX falls back to. Takes a few hundred ms the first time: call it off the FX
 * thread.
 */
public final class FontCheck {

    /** Kana and common kanji the UI uses: a font that has them all draws the Japanese bundle. */
    static final String SAMPLE = "あア日本語学習推論";

    private FontCheck() {
    }

    /** True when an installed font can draw {@link #SAMPLE}. */
    public static boolean japaneseAvailable() {
        return anyCanDisplay(Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts()), SAMPLE);
    }

    /** True when one of {@code fonts} has a glyph for every character of {@code text}. */
    static boolean anyCanDisplay(List<java.awt.Font> fonts, String text) {
        return fonts.stream().anyMatch(f -> f.canDisplayUpTo(text) == -1);
    }
}
