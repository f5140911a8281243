package org.reflectlab.ui.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The bundle lookup asks only for the files the app ships (a file that is not there is searched for in every jar on the
 * class path, which at start-up cost the first window), and still finds each language's text, with English as the
 * fallback for any other locale.
 */
class I18nBundlesTest {

    private final I18n.Bundles bundles = new I18n.Bundles();

    @Test
    void englishAsksForTheBaseFileAloneAndJapaneseForItsOwnFileThenTheBase() {
        assertEquals(List.of(Locale.ROOT), bundles.getCandidateLocales("org.reflectlab.ui.shell.messages", Locale.ENGLISH));
        assertEquals(List.of(Locale.ROOT), bundles.getCandidateLocales("org.reflectlab.ui.shell.messages", Locale.US));
        assertEquals(List.of(Locale.JAPANESE, Locale.ROOT), bundles.getCandidateLocales("org.reflectlab.ui.shell.messages", Locale.JAPAN));
        assertEquals(null, bundles.getFallbackLocale("org.reflectlab.ui.shell.messages", Locale.GERMAN));
    }

    @Test
    void eachLanguageStillFindsItsText() {
        String english = I18n.format(Locale.ENGLISH, "shell.startup.opening");
        String japanese = I18n.format(Locale.JAPANESE, "shell.startup.opening");
        assertEquals("Opening the workspaces…", english);
        assertNotEquals(english, japanese, "the Japanese file is read");
        assertEquals(japanese, I18n.format(Locale.JAPAN, "shell.startup.opening"), "ja_JP reads the ja file");
        assertEquals(english, I18n.format(Locale.GERMAN, "shell.startup.opening"), "another language falls back to English");
        assertEquals("no.such.key", I18n.format(Locale.ENGLISH, "no.such.key"));
    }
}
