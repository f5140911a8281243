package org.reflectlab.core.text;

import java.util.Arrays;
import java.util.List;

/**
 * A sentence {@code core} says to a learner, as a key and its arguments rather than as words: the app says it in the
 * chosen language (its feature bundles have the key: {@code scaling.reveal} is in {@code ui/scaling/messages*.properties}),
 * the CLI and the files {@code core} writes say it in English ({@link #english()}, from {@code english.properties} beside
 * this class, which keeps the CLI's words exactly as they were: scripts parse them).
 *
 * <p>Arguments are numbers, strings (names, paths, the models' own words, an exception's detail), {@link Term}s and other
 * phrases. A list whose length varies is nested pairs of one joining phrase ({@link #join}), never translated pieces
 * concatenated: word order differs between the languages.
 */
public record Phrase(String key, Object... args) {

    /** A text that is the same in every language (a name, a path, a detail from a library). */
    public static Phrase literal(String text) {
        return new Phrase("kit.literal", text);
    }

    /** Nothing: an optional part of a sentence that is absent. */
    public static Phrase none() {
        return literal("");
    }

    /** {@code items} joined pairwise with {@code key} (a pattern of two arguments): [a, b, c] is key(key(a, b), c). */
    public static Phrase join(String key, List<?> items) {
        if (items.isEmpty()) {
            return none();
        }
        Object out = items.get(0);
        for (int i = 1; i < items.size(); i++) {
            out = new Phrase(key, out, items.get(i));
        }
        return out instanceof Phrase p ? p : literal(String.valueOf(out));
    }

    /** The sentence in English, as the CLI prints it. */
    public String english() {
        return English.format(this);
    }

    /** The English: a phrase written into a string (an exception's message, a log line) reads as before. */
    @Override
    public String toString() {
        return english();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Phrase p && key.equals(p.key) && Arrays.deepEquals(args, p.args);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.deepHashCode(args);
    }
}
