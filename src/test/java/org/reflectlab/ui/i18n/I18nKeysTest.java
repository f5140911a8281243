package org.reflectlab.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.reflectlab.ui.kit.Glossary;
import org.reflectlab.ui.kit.I18n;

/**
 * The bundles against the code (as JabRef's LocalizationConsistencyTest does): every key in both languages, no key
 * the code does not use, no key the code uses that a bundle lacks, every pattern well-formed.
 */
class I18nKeysTest {

    /** What looks like a key of a feature bundle: {@code feature.some.words}. */
    private static final Pattern KEY = Pattern.compile("[a-z]+(\\.[a-z0-9*-]+)+");
    /** Literals that look like keys but are not (resource files, settings keys). */
    private static final Set<String> NOT_KEYS = Set.of(
            "data.css", "train.css", "reflect.css", "scaling.css", // workspaces' style sheets
            "world.css", "aphasia.css", "serving.css", "aphasia.png", // style sheets, and Aphasia's suggested PNG name
            "shell.workspace"); // the settings key of the last workspace (ShellViewModel)
    /** An apostrophe not doubled: MessageFormat would read it as the start of a quote and swallow the rest. */
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    /** The features that have bundles, by the files under src/main/resources. */
    static Set<String> features() throws IOException {
        try (Stream<Path> s = Files.list(SourceScan.RESOURCES)) {
            Set<String> out = new TreeSet<>();
            s.filter(d -> Files.isRegularFile(d.resolve("messages.properties"))).forEach(d -> out.add(d.getFileName().toString()));
            return out;
        }
    }

    static Map<String, String> bundle(String feature, String suffix) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(SourceScan.RESOURCES.resolve(feature).resolve("messages" + suffix + ".properties"),
                StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    /** Keys one bundle has and the other lacks, as readable lines. */
    static List<String> differences(String feature, Map<String, String> en, Map<String, String> ja) {
        List<String> out = new ArrayList<>();
        en.keySet().stream().filter(k -> !ja.containsKey(k)).forEach(k -> out.add(feature + ": '" + k + "' has no Japanese text"));
        ja.keySet().stream().filter(k -> !en.containsKey(k)).forEach(k -> out.add(feature + ": '" + k + "' has no English text"));
        return out;
    }

    /** Problems with one pattern: empty, wrong prefix, does not parse, or a lone apostrophe that would eat the text. */
    static List<String> patternProblems(String feature, String key, String pattern, Locale locale) {
        List<String> out = new ArrayList<>();
        if (!key.startsWith(feature + ".")) {
            out.add(key + " is in the " + feature + " bundle but does not start with '" + feature + ".'");
        }
        if (pattern.isBlank()) {
            out.add(key + " (" + locale + ") is empty");
        }
        if (pattern.contains("{")) {
            try {
                new MessageFormat(pattern, locale);
            } catch (IllegalArgumentException e) {
                out.add(key + " (" + locale + ") does not parse: " + e.getMessage());
            }
            if (LONE_APOSTROPHE.matcher(pattern).find()) {
                out.add(key + " (" + locale + ") has a lone apostrophe: write '' in a pattern with arguments");
            }
        }
        return out;
    }

    /** Every key the code uses: key-shaped literals of the main sources, and the glossary's keys. */
    static Set<String> usedKeys(Set<String> features) {
        Set<String> used = new TreeSet<>();
        for (Path f : SourceScan.javaFiles(SourceScan.MAIN)) {
            for (SourceScan.Literal l : SourceScan.literals(f)) {
                String t = l.text();
                if (KEY.matcher(t).matches() && features.contains(t.substring(0, t.indexOf('.'))) && !NOT_KEYS.contains(t)) {
                    used.add(t);
                }
            }
        }
        // the glossary names its terms by English name; its keys are built from each term's key
        Glossary.all().forEach(t -> used.addAll(t.keys()));
        return used;
    }

    @Test
    void everyKeyIsInBothLanguagesAndEveryPatternIsWellFormed() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String feature : features()) {
            Map<String, String> en = bundle(feature, "");
            Map<String, String> ja = bundle(feature, "_ja");
            problems.addAll(differences(feature, en, ja));
            en.forEach((k, v) -> problems.addAll(patternProblems(feature, k, v, I18n.ENGLISH)));
            ja.forEach((k, v) -> problems.addAll(patternProblems(feature, k, v, I18n.JAPANESE)));
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @Test
    void noKeyIsMissingAndNoKeyIsUnused() throws IOException {
        Set<String> features = features();
        Set<String> defined = new TreeSet<>();
        for (String feature : features) {
            defined.addAll(bundle(feature, "").keySet());
        }
        Set<String> used = usedKeys(features);
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(defined);
        Set<String> unused = new TreeSet<>(defined);
        unused.removeAll(used);
        // a literal ending in '.' is a prefix completed at run time (e.g. "shell.workspace." + id), not a key
        missing.removeIf(k -> k.endsWith("."));
        assertEquals(Set.of(), missing, "keys the code uses that no bundle defines");
        assertEquals(Set.of(), unused, "keys no code uses: delete them, or use them");
    }

    @Test
    void theChecksCatchWhatTheyAreFor() {
        assertEquals(2, differences("x", Map.of("x.a", "A", "x.b", "B"), Map.of("x.a", "エー", "x.c", "シー")).size());
        assertFalse(patternProblems("x", "x.a", "It's {0}", Locale.ENGLISH).isEmpty(), "lone apostrophe");
        assertTrue(patternProblems("x", "x.a", "It''s {0}", Locale.ENGLISH).isEmpty());
        assertFalse(patternProblems("x", "x.a", "{0,choice,broken", Locale.ENGLISH).isEmpty(), "does not parse");
        assertFalse(patternProblems("x", "y.a", "fine", Locale.ENGLISH).isEmpty(), "wrong bundle");
        assertFalse(patternProblems("x", "x.a", " ", Locale.JAPANESE).isEmpty(), "empty");
    }

    @Test
    void aMissingKeyShowsAsTheKeyAndTheRuntimeFindsEveryBundle() throws IOException {
        assertEquals("data.no-such-key", I18n.format(I18n.ENGLISH, "data.no-such-key"));
        for (String feature : features()) {
            String any = bundle(feature, "").keySet().iterator().next();
            assertEquals(bundle(feature, "_ja").get(any), I18n.pattern(I18n.JAPANESE, any), any);
            // a German system falls back to the English base file, not to whatever the JVM's default is
            assertEquals(bundle(feature, "").get(any), I18n.pattern(Locale.GERMAN, any), any);
        }
    }
}
