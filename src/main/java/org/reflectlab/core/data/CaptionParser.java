package org.reflectlab.core.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns typed text into a {@link Caption}, or into a {@link ParseError} that says what is wrong
 * and where. The grammar:
 * <pre>
 *   caption  := phrase (relation phrase | ("and" phrase)*)
 *   phrase   := [quantity] [size] [color] shape [ "at" ["the"] place ]
 *   quantity := a | an | one | two | three          (digits work too)
 *   place    := top [left|right] | bottom [left|right] | left | right | center | middle
 *   relation := "left of" | "right of" | "above" | "below"
 * </pre>
 */
public final class CaptionParser {

    private static final Map<String, Integer> QUANTITIES = new HashMap<>();
    private static final Map<String, Shape> SHAPES = new HashMap<>();
    private static final Map<String, ShapeColor> COLORS = new HashMap<>();
    private static final Map<String, Size> SIZES = new HashMap<>();
    private static final Set<String> KNOWN = new LinkedHashSet<>();
    /** Words worth suggesting: numbers beyond the grammar are known (to explain them), not suggested. */
    private static final Set<String> SUGGESTABLE = new LinkedHashSet<>();

    static {
        String[] numbers = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
        QUANTITIES.put("a", 1);
        QUANTITIES.put("an", 1);
        for (int i = 0; i < numbers.length; i++) {
            QUANTITIES.put(numbers[i], i);
            QUANTITIES.put(Integer.toString(i), i);
        }
        for (Shape s : Shape.values()) {
            SHAPES.put(s.word(), s);
            SHAPES.put(s.plural(), s);
        }
        for (ShapeColor c : ShapeColor.values()) {
            COLORS.put(c.word(), c);
        }
        for (Size s : Size.values()) {
            SIZES.put(s.word(), s);
        }
        // Shapes and colors first: on a tie the suggestion prefers them.
        KNOWN.addAll(SHAPES.keySet());
        KNOWN.addAll(COLORS.keySet());
        KNOWN.addAll(SIZES.keySet());
        KNOWN.addAll(List.of("top", "bottom", "left", "right", "center", "middle", "above", "below",
                "of", "at", "the", "and"));
        SUGGESTABLE.addAll(KNOWN);
        SUGGESTABLE.addAll(List.of("a", "an", "one", "two", "three"));
        QUANTITIES.keySet().stream().filter(w -> !Character.isDigit(w.charAt(0))).forEach(KNOWN::add);
    }

    private final String text;
    private final List<Word> words;
    private int pos;

    private CaptionParser(String text) {
        this.text = text;
        this.words = WordTokenizer.split(text);
    }

    public static ParseResult parse(String text) {
        return new CaptionParser(text == null ? "" : text).run();
    }

    /** Every word the parser understands (for completion and spelling suggestions). */
    public static Set<String> knownWords() {
        return java.util.Collections.unmodifiableSet(KNOWN);
    }

    private ParseResult run() {
        ParseError unreadable = unreadableCharacters(text);
        if (unreadable != null) {
            return ParseResult.failed(unreadable);
        }
        if (words.isEmpty()) {
            return ParseResult.failed(new ParseError("Type a caption, e.g. \"a red circle left of a blue square\".", 0, 0, null,
                    "empty", List.of()));
        }
        for (Word w : words) {
            if (!KNOWN.contains(w.text()) && !QUANTITIES.containsKey(w.text())) {
                Optional<String> near = Spelling.suggest(w.text(), SUGGESTABLE);
                String msg = "'" + w.text() + "' is not a known word"
                        + near.map(s -> "; did you mean '" + s + "'?").orElse("; ShapesWorld knows shapes, "
                        + "colors, sizes and positions (e.g. \"a small red circle at top left\").");
                return ParseResult.failed(new ParseError(msg, w.start(), w.end(), near.orElse(null), "unknown-word",
                        List.of(w.text(), near.orElse(""))));
            }
        }
        try {
            Caption caption = caption();
            return ParseResult.ok(caption);
        } catch (Failure f) {
            return ParseResult.failed(f.error);
        }
    }

    /**
     * Emoji, symbols and other characters that are neither words nor plain punctuation would be
     * dropped silently by the tokenizer ("a red 🔴 circle" would read as "a red circle"): they are
     * refused by name instead.
     */
    private static ParseError unreadableCharacters(String text) {
        List<String> bad = new ArrayList<>();
        int first = -1;
        int firstEnd = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            boolean fine = Character.isLetterOrDigit(cp) || Character.isWhitespace(cp) || (cp < 128 && !Character.isISOControl(cp));
            if (!fine) {
                int type = Character.getType(cp);
                boolean invisible = type == Character.NON_SPACING_MARK || type == Character.FORMAT || type == Character.CONTROL
                        || type == Character.ENCLOSING_MARK;
                String name = (invisible ? "" : "'" + new String(Character.toChars(cp)) + "' ")
                        + String.format("(U+%04X)", cp);
                if (!bad.contains(name)) {
                    bad.add(name);
                }
                if (first < 0) {
                    first = i;
                    firstEnd = next;
                }
            }
            i = next;
        }
        if (bad.isEmpty()) {
            return null;
        }
        return new ParseError("The caption holds characters ShapesWorld cannot read: " + String.join(", ", bad)
                + "; describe the scene in words, e.g. \"a red circle left of a blue square\".", first, firstEnd, null,
                "unreadable", List.of(String.join(", ", bad)));
    }

    private Caption caption() {
        List<Clause> clauses = new ArrayList<>();
        clauses.add(phrase());
        Relation relation = null;
        int relationStart = pos;
        if (!atEnd() && isRelationStart()) {
            relation = relation();
            clauses.add(phrase());
        } else {
            while (!atEnd() && peek().text().equals("and")) {
                next();
                clauses.add(phrase());
            }
        }
        if (!atEnd()) {
            Word w = peek();
            throw fail("Unexpected '" + w.text() + "' here; join objects with 'and', or relate two with "
                    + "'left of', 'right of', 'above' or 'below'.", w);
        }
        if (relation != null && (clauses.get(0).count() != 1 || clauses.get(1).count() != 1)) {
            throw fail("A position relation links two single objects, e.g. \"a circle left of a square\".",
                    words.get(relationStart));
        }
        int total = clauses.stream().mapToInt(Clause::count).sum();
        if (total > Scene.MAX_OBJECTS) {
            throw failWhole("ShapesWorld scenes hold at most " + Scene.MAX_OBJECTS + " objects; this caption asks for " + total + ".");
        }
        checkCells(clauses);
        return new Caption(clauses, relation);
    }

    private Clause phrase() {
        if (atEnd()) {
            throw failAtEnd("The caption stops early; name a shape (circle, square, triangle or diamond).");
        }
        Word quantityWord = null;
        int count = 1;
        if (QUANTITIES.containsKey(peek().text())) {
            quantityWord = next();
            count = QUANTITIES.get(quantityWord.text());
            if (count < 1) {
                throw fail("A caption names at least one object; '" + quantityWord.text() + "' asks for none.", quantityWord);
            }
            if (count > Scene.MAX_OBJECTS) {
                throw fail("'" + quantityWord.text() + "' is beyond ShapesWorld: a scene holds at most "
                        + Scene.MAX_OBJECTS + " objects.", quantityWord);
            }
        }
        Size size = null;
        if (!atEnd() && SIZES.containsKey(peek().text())) {
            size = SIZES.get(next().text());
        }
        ShapeColor color = null;
        if (!atEnd() && COLORS.containsKey(peek().text())) {
            color = COLORS.get(next().text());
        }
        if (atEnd()) {
            throw failAtEnd("Expected a shape (circle, square, triangle or diamond) at the end.");
        }
        Word shapeWord = peek();
        Shape shape = SHAPES.get(shapeWord.text());
        if (shape == null) {
            throw fail("Expected a shape (circle, square, triangle or diamond), not '" + shapeWord.text() + "'.", shapeWord);
        }
        next();
        boolean plural = shapeWord.text().equals(shape.plural());
        if (count == 1 && plural) {
            String q = quantityWord == null ? "one" : quantityWord.text();
            throw fail("'" + q + "' needs the singular: '" + shape.word() + "'.", shapeWord, shape.word());
        }
        if (count > 1 && !plural) {
            throw fail("'" + quantityWord.text() + "' needs the plural: '" + shape.plural() + "'.", shapeWord, shape.plural());
        }
        Cell cell = null;
        if (!atEnd() && peek().text().equals("at")) {
            Word at = next();
            if (!atEnd() && peek().text().equals("the")) {
                next();
            }
            cell = place(at);
            if (count > 1) {
                throw fail("Several objects can't share one place; give each its own phrase.", at);
            }
        }
        return new Clause(count, shape, color, size, cell);
    }

    private Cell place(Word at) {
        if (atEnd()) {
            throw failAtEnd("'at' needs a place: top left, top, top right, left, center, right, bottom left, bottom or bottom right.");
        }
        Word w = next();
        switch (w.text()) {
            case "center", "middle":
                return new Cell(1, 1);
            case "left":
                return new Cell(1, 0);
            case "right":
                return new Cell(1, 2);
            case "top", "bottom": {
                int row = w.text().equals("top") ? 0 : 2;
                if (!atEnd() && (peek().text().equals("left") || peek().text().equals("right"))
                        && !(pos + 1 < words.size() && words.get(pos + 1).text().equals("of"))) {
                    return new Cell(row, next().text().equals("left") ? 0 : 2);
                }
                return new Cell(row, 1);
            }
            default:
                throw fail("'" + w.text() + "' is not a place; after 'at' write e.g. 'top left', 'center' or 'bottom'.", w);
        }
    }

    private boolean isRelationStart() {
        String w = peek().text();
        return w.equals("above") || w.equals("below") || w.equals("left") || w.equals("right");
    }

    private Relation relation() {
        Word w = next();
        switch (w.text()) {
            case "above":
                return Relation.ABOVE;
            case "below":
                return Relation.BELOW;
            default:
                if (atEnd() || !peek().text().equals("of")) {
                    throw fail("Write '" + w.text() + " of', e.g. \"a circle " + w.text() + " of a square\".", w, w.text() + " of");
                }
                next();
                return w.text().equals("left") ? Relation.LEFT_OF : Relation.RIGHT_OF;
        }
    }

    private void checkCells(List<Clause> clauses) {
        Set<Cell> cells = new java.util.HashSet<>();
        for (Clause c : clauses) {
            if (c.cell() != null && !cells.add(c.cell())) {
                throw failWhole("Two objects can't both be at " + c.cell().words() + ": each grid cell holds one object.");
            }
        }
    }

    private boolean atEnd() {
        return pos >= words.size();
    }

    private Word peek() {
        return words.get(pos);
    }

    private Word next() {
        return words.get(pos++);
    }

    private Failure fail(String message, Word w) {
        return new Failure(new ParseError(message, w.start(), w.end(), null));
    }

    private Failure fail(String message, Word w, String suggestion) {
        return new Failure(new ParseError(message, w.start(), w.end(), suggestion));
    }

    private Failure failAtEnd(String message) {
        return new Failure(new ParseError(message, text.length(), text.length(), null));
    }

    private Failure failWhole(String message) {
        return new Failure(new ParseError(message, 0, 0, null));
    }

    /** Unwinds the recursive descent on the first problem; never escapes this class. */
    private static final class Failure extends RuntimeException {
        private final transient ParseError error;

        Failure(ParseError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }
}
