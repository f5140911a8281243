package org.reflectlab.core.reflect;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reflectlab.core.data.Cell;
import org.reflectlab.core.data.Relation;
import org.reflectlab.core.data.Shape;
import org.reflectlab.core.data.ShapeColor;
import org.reflectlab.core.data.Size;

/**
 * One sentence of the critic's (or the judge's) feedback as structure: what {@link Feedback} says, before it is words.
 * {@link #text()} is the model's English sentence (the generator's token vocabulary, which stays as it is);
 * {@link #parse} reads such a sentence back, so a display can say the same thing in another language. A sentence the
 * grammar does not know (a learner's own words, a future template) parses to nothing and is shown as it is.
 */
public sealed interface Complaint {

    /** The sentence as the models write and read it. */
    String text();

    /** "correct". */
    record Correct() implements Complaint {
        public String text() {
            return Feedback.CORRECT;
        }
    }

    /** A counted phrase: "there should be two red squares but only one exists" (also "none exist", "four exist"). */
    record WrongCount(int wanted, ShapeColor color, Shape shape, int found) implements Complaint {
        public String text() {
            String tail = found == 0 ? "none exist" : found < wanted ? "only " + Feedback.number(found) + (found == 1 ? " exists" : " exist")
                    : Feedback.number(found) + " exist";
            return "there should be " + Feedback.number(wanted) + " " + noun(color, shape.plural()) + " but " + tail;
        }
    }

    /** "there should be a red circle but none exists". */
    record Missing(ShapeColor color, Shape shape) implements Complaint {
        public String text() {
            String phrase = noun(color, shape.word());
            return "there should be " + ("aeiou".indexOf(phrase.charAt(0)) >= 0 ? "an " : "a ") + phrase + " but none exists";
        }
    }

    /** "the circle should be red but it is blue". */
    record WrongColor(Shape shape, ShapeColor wanted, ShapeColor seen) implements Complaint {
        public String text() {
            return "the " + shape.word() + " should be " + wanted.word() + " but it is " + seen.word();
        }
    }

    /** "the circle should be small but it is large". */
    record WrongSize(Shape shape, Size wanted, Size seen) implements Complaint {
        public String text() {
            return "the " + shape.word() + " should be " + wanted.word() + " but it is " + seen.word();
        }
    }

    /** "the circle should be at top left but it is at center". */
    record WrongPlace(Shape shape, Cell wanted, Cell seen) implements Complaint {
        public String text() {
            return "the " + shape.word() + " should be at " + wanted.words() + " but it is at " + seen.words();
        }
    }

    /**
     * "the circle should be left of the square but it is right of it", or, with {@code actual} null, "... but they are in
     * the same column" (a horizontal relation) or "row".
     */
    record WrongRelation(Shape first, Relation wanted, Shape second, Relation actual) implements Complaint {
        public String text() {
            String head = "the " + first.word() + " should be " + wanted.words() + " the " + second.word() + " but ";
            if (actual == null) {
                return head + "they are in the same " + (horizontal(wanted) ? "column" : "row");
            }
            return head + "it is " + actual.words() + " it";
        }
    }

    /** A description's whole count: "there should be three objects but two exist". */
    record ObjectCount(int wanted, int found) implements Complaint {
        public String text() {
            return "there should be " + Feedback.number(wanted) + " objects but " + Feedback.number(found) + " exist";
        }
    }

    /** "the image does not match the prompt". */
    record Mismatch() implements Complaint {
        public String text() {
            return "the image does not match the prompt";
        }
    }

    static boolean horizontal(Relation r) {
        return r == Relation.LEFT_OF || r == Relation.RIGHT_OF;
    }

    private static String noun(ShapeColor color, String shapeWord) {
        return (color != null ? color.word() + " " : "") + shapeWord;
    }

    /** The structure of a sentence {@link #text()} writes; empty for any other sentence. */
    static Optional<Complaint> parse(String sentence) {
        return Optional.ofNullable(Reading.read(sentence == null ? "" : sentence.trim().toLowerCase(Locale.ROOT)));
    }

    /** Reads the sentences back; the grammar is exactly the one {@link #text()} writes (checked by a round trip). */
    final class Reading {
        private static final String W = "([a-z]+)";
        private static final String REL = "(left of|right of|above|below)";
        private static final String PLACE = "(top left|top right|bottom left|bottom right|top|bottom|left|right|center)";
        private static final Pattern COUNT = Pattern.compile("there should be " + W + " (?:" + W + " )?" + W
                + " but (none exist|only " + W + " exists?|" + W + " exist)");
        private static final Pattern MISSING = Pattern.compile("there should be an? (?:" + W + " )?" + W + " but none exists");
        private static final Pattern OBJECTS = Pattern.compile("there should be " + W + " objects but " + W + " exist");
        private static final Pattern ATTRIBUTE = Pattern.compile("the " + W + " should be " + W + " but it is " + W);
        private static final Pattern PLACED = Pattern.compile("the " + W + " should be at " + PLACE + " but it is at " + PLACE);
        private static final Pattern RELATED = Pattern.compile("the " + W + " should be " + REL + " the " + W
                + " but (?:it is " + REL + " it|they are in the same (column|row))");
        private static final List<String> NUMBERS = List.of("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");

        private Reading() {
        }

        static Complaint read(String s) {
            try {
                return readOrThrow(s);
            } catch (IllegalArgumentException notOurs) {
                return null; // a word outside the grammar's slots (an unknown color, a count of "many")
            }
        }

        private static Complaint readOrThrow(String s) {
            if (s.equals(Feedback.CORRECT)) {
                return new Correct();
            }
            if (s.equals(new Mismatch().text())) {
                return new Mismatch();
            }
            Matcher m;
            if ((m = OBJECTS.matcher(s)).matches()) {
                return new ObjectCount(number(m.group(1)), number(m.group(2)));
            }
            if ((m = MISSING.matcher(s)).matches()) {
                return new Missing(m.group(1) == null ? null : color(m.group(1)), shape(m.group(2), false));
            }
            if ((m = COUNT.matcher(s)).matches()) {
                String found = m.group(5) != null ? m.group(5) : m.group(6);
                return new WrongCount(number(m.group(1)), m.group(2) == null ? null : color(m.group(2)), shape(m.group(3), true),
                        found == null ? 0 : number(found));
            }
            if ((m = PLACED.matcher(s)).matches()) {
                return new WrongPlace(shape(m.group(1), false), cell(m.group(2)), cell(m.group(3)));
            }
            if ((m = RELATED.matcher(s)).matches()) {
                return new WrongRelation(shape(m.group(1), false), relation(m.group(2)), shape(m.group(3), false),
                        m.group(4) == null ? null : relation(m.group(4)));
            }
            if ((m = ATTRIBUTE.matcher(s)).matches()) {
                Shape shape = shape(m.group(1), false);
                for (Size size : Size.values()) {
                    if (size.word().equals(m.group(2))) {
                        return new WrongSize(shape, size, size(m.group(3)));
                    }
                }
                return new WrongColor(shape, color(m.group(2)), color(m.group(3)));
            }
            return null;
        }

        private static int number(String w) {
            int n = NUMBERS.indexOf(w);
            if (n < 0) {
                throw new IllegalArgumentException(w);
            }
            return n;
        }

        private static Shape shape(String w, boolean plural) {
            for (Shape s : Shape.values()) {
                if ((plural ? s.plural() : s.word()).equals(w)) {
                    return s;
                }
            }
            throw new IllegalArgumentException(w);
        }

        private static ShapeColor color(String w) {
            for (ShapeColor c : ShapeColor.values()) {
                if (c.word().equals(w)) {
                    return c;
                }
            }
            throw new IllegalArgumentException(w);
        }

        private static Size size(String w) {
            for (Size s : Size.values()) {
                if (s.word().equals(w)) {
                    return s;
                }
            }
            throw new IllegalArgumentException(w);
        }

        private static Cell cell(String words) {
            return Cell.ALL.stream().filter(c -> c.words().equals(words)).findFirst().orElseThrow(() -> new IllegalArgumentException(words));
        }

        private static Relation relation(String words) {
            for (Relation r : Relation.values()) {
                if (r.words().equals(words)) {
                    return r;
                }
            }
            throw new IllegalArgumentException(words);
        }
    }
}
