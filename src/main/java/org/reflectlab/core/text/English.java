package org.reflectlab.core.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * {@link Phrase}s in English with {@link java.util.Formatter} patterns and {@link Locale#ROOT}: the very formats the
 * CLI's sentences were written with before they became phrases, so its output did not change. The app does not use these
 * patterns; its bundles have their own English (MessageFormat, the locale's number conventions).
 */
public final class English {

    private static final Map<String, String> PATTERNS = load();

    private English() {
    }

    /**
     * The English of a phrase. A key this file lacks (a phrase the app makes from its own bundles' keys) shows as the key,
     * as the app shows a missing key; {@code PhraseKeysTest} finds any key of core's that lacks its English.
     */
    public static String format(Phrase p) {
        String pattern = PATTERNS.get(p.key());
        if (pattern == null) {
            return p.key();
        }
        Object[] args = new Object[p.args().length];
        for (int i = 0; i < args.length; i++) {
            args[i] = resolve(p.args()[i]);
        }
        return String.format(Locale.ROOT, pattern, args);
    }

    /** Whether a key has an English pattern (for the test that holds the two sides together). */
    public static Map<String, String> patterns() {
        return PATTERNS;
    }

    private static Object resolve(Object a) {
        return a instanceof Phrase p ? p.english() : a instanceof Term t ? t.englishName() : a;
    }

    private static Map<String, String> load() {
        Properties p = new Properties();
        try (InputStream in = English.class.getResourceAsStream("english.properties")) {
            if (in == null) {
                throw new IllegalStateException("english.properties is missing from the class path");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new java.util.TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return Map.copyOf(out);
    }
}
