package org.reflectlab.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.aphasia.Metric;
import org.reflectlab.core.scaling.Method;
import org.reflectlab.core.text.English;
import org.reflectlab.core.text.Term;

/**
 * core's sentences ({@code core/text/Phrase}) have two sides: the CLI's English ({@code core/text/english.properties},
 * Formatter patterns) and the app's bundles (English and Japanese, MessageFormat). This holds them together: every key
 * core uses has both, and each pattern takes as many arguments as the English one, so no argument is dropped on a side.
 */
class PhraseKeysTest {

    private static final Pattern KEY = Pattern.compile("[a-z]+(\\.[a-z0-9*-]+)+");
    private static final Pattern FORMATTER = Pattern.compile("%(\\d+\\$)?[-#+ 0,(]*\\d*(\\.\\d+)?[a-zA-Z%]");
    private static final Pattern MESSAGE_ARG = Pattern.compile("\\{(\\d+)");
    /** core's named things (enums): their English is in code ({@link Term#englishName()}), their keys in the bundles. */
    private static final List<Class<? extends Term>> TERMS = List.of(Method.class, Metric.class);

    static Set<String> termKeys() {
        Set<String> out = new TreeSet<>();
        TERMS.forEach(c -> Arrays.stream(c.getEnumConstants()).forEach(t -> out.add(t.nameKey())));
        return out;
    }

    /** Key-shaped literals in core's sources whose first segment is a feature bundle: the phrase keys. */
    static Set<String> coreKeys(Set<String> features) {
        Set<String> out = new TreeSet<>();
        for (Path f : SourceScan.javaFiles(SourceScan.MAIN.resolve("org/reflectlab/core"))) {
            for (SourceScan.Literal l : SourceScan.literals(f)) {
                String t = l.text();
                if (KEY.matcher(t).matches() && features.contains(t.substring(0, t.indexOf('.')))) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    static int formatterArgs(String pattern) {
        Matcher m = FORMATTER.matcher(pattern);
        int n = 0;
        int next = 0;
        while (m.find()) {
            char c = m.group().charAt(m.group().length() - 1);
            if (c != '%' && c != 'n') {
                // "%2$s" names its argument; a plain "%s" takes the next one
                n = Math.max(n, m.group(1) != null ? Integer.parseInt(m.group(1).substring(0, m.group(1).length() - 1)) : ++next);
            }
        }
        return n;
    }

    static int messageArgs(String pattern) {
        Matcher m = MESSAGE_ARG.matcher(pattern);
        int n = 0;
        while (m.find()) {
            n = Math.max(n, Integer.parseInt(m.group(1)) + 1);
        }
        return n;
    }

    @Test
    void everyPhraseHasItsEnglishAndBothBundlesWithTheSameArguments() throws IOException {
        Set<String> features = I18nKeysTest.features();
        Map<String, String> english = English.patterns();
        List<String> problems = new ArrayList<>();
        Set<String> terms = termKeys();
        for (String key : coreKeys(features)) {
            if (!english.containsKey(key) && !terms.contains(key)) {
                problems.add(key + ": used in core, no English in core/text/english.properties");
            }
        }
        for (String key : terms) {
            String feature = key.substring(0, key.indexOf('.'));
            if (!I18nKeysTest.bundle(feature, "").containsKey(key) || !I18nKeysTest.bundle(feature, "_ja").containsKey(key)) {
                problems.add(key + ": a term's name missing from a bundle");
            }
        }
        english.forEach((key, pattern) -> {
            String feature = key.substring(0, key.indexOf('.'));
            try {
                for (String suffix : List.of("", "_ja")) {
                    String ui = I18nKeysTest.bundle(feature, suffix).get(key);
                    if (ui == null) {
                        problems.add(key + ": no text in ui/" + feature + "/messages" + suffix + ".properties");
                    } else if (messageArgs(ui) != formatterArgs(pattern)) {
                        problems.add(key + " (" + suffix + "): " + messageArgs(ui) + " arguments in the app, "
                                + formatterArgs(pattern) + " in the CLI's English");
                    }
                }
            } catch (IOException e) {
                problems.add(key + ": " + e.getMessage());
            }
        });
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @Test
    void theArgumentCountsAreRead() {
        assertEquals(3, formatterArgs("%s: %.2f vs %+.3f, 95%% and %,d%n") - 1);
        assertEquals(2, formatterArgs("%2$s only"));
        assertEquals(2, messageArgs("{0}: {1,number,0.00} and '{0}'"));
    }
}
