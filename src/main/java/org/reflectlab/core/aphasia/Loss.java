package org.reflectlab.core.aphasia;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reflectlab.core.data.Cell;
import org.reflectlab.core.data.SceneObject;

/**
 * One thing a telephone round lost about a true object, as structure: its fine position, the object itself (gone from its
 * cell), or its shape, size or color (with what it is now). {@link #text()} is the English the round reports ("color of
 * the large blue square (now green)"); {@link #parse} reads it back so a display can say it in another language.
 *
 * @param now the attribute's word now (a shape, size or color word); null for FINE_POSITION and GONE
 */
public record Loss(Kind kind, SceneObject truth, String now) {

    public enum Kind { FINE_POSITION, GONE, SHAPE, SIZE, COLOR }

    private static final String OBJECT = "(small|large) ([a-z]+) ([a-z]+)";
    private static final Pattern FINE = Pattern.compile("fine position of the " + OBJECT);
    private static final Pattern GONE = Pattern.compile("the " + OBJECT + " \\(gone from ([a-z ]+)\\)");
    private static final Pattern CHANGED = Pattern.compile("(shape|size|color) of the " + OBJECT + " \\(now ([a-z]+)\\)");

    public String text() {
        String name = name(truth);
        return switch (kind) {
            case FINE_POSITION -> "fine position of the " + name;
            case GONE -> "the " + name + " (gone from " + truth.cell().words() + ")";
            case SHAPE -> "shape of the " + name + " (now " + now + ")";
            case SIZE -> "size of the " + name + " (now " + now + ")";
            case COLOR -> "color of the " + name + " (now " + now + ")";
        };
    }

    static String name(SceneObject o) {
        return o.size().word() + " " + o.color().word() + " " + o.shape().word();
    }

    /**
     * The structure of a sentence {@link #text()} writes; empty for any other. The object's cell is known only from a GONE
     * sentence; the others get the center (the text does not say where the object is).
     */
    public static Optional<Loss> parse(String text) {
        try {
            Matcher m;
            if ((m = FINE.matcher(text)).matches()) {
                return Optional.of(new Loss(Kind.FINE_POSITION, object(m, 1, new Cell(1, 1)), null));
            }
            if ((m = GONE.matcher(text)).matches()) {
                String where = m.group(4);
                Cell cell = Cell.ALL.stream().filter(c -> c.words().equals(where)).findFirst().orElseThrow(IllegalArgumentException::new);
                return Optional.of(new Loss(Kind.GONE, object(m, 1, cell), null));
            }
            if ((m = CHANGED.matcher(text)).matches()) {
                return Optional.of(new Loss(Kind.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT)), object(m, 2, new Cell(1, 1)), m.group(5)));
            }
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty(); // a word outside ShapesWorld's
        }
        return Optional.empty();
    }

    private static SceneObject object(Matcher m, int from, Cell cell) {
        var caption = org.reflectlab.core.data.CaptionParser.parse("a " + m.group(from) + " " + m.group(from + 1) + " " + m.group(from + 2));
        if (!caption.ok()) {
            throw new IllegalArgumentException(m.group());
        }
        var c = caption.caption().clauses().get(0);
        return SceneObject.plain(c.shape(), c.color(), c.size(), cell);
    }
}
