package org.reflectlab.core.data;

import java.util.Objects;

/**
 * One noun phrase of a caption: "two circles", "a red square", "a large blue triangle at top
 * left". Attributes the phrase does not mention are null.
 */
public record Clause(int count, Shape shape, ShapeColor color, Size size, Cell cell) {

    public Clause {
        Objects.requireNonNull(shape, "shape");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
    }

    public static Clause of(Shape shape) {
        return new Clause(1, shape, null, null, null);
    }

    public static Clause of(ShapeColor color, Shape shape) {
        return new Clause(1, shape, color, null, null);
    }

    public static Clause counted(int count, Shape shape) {
        return new Clause(count, shape, null, null, null);
    }

    /** The full phrase for one object, as DESCRIPTION captions write it. */
    public static Clause describing(SceneObject o) {
        return new Clause(1, o.shape(), o.color(), o.size(), o.cell());
    }

    /** Whether the object has every attribute this clause names (count aside). */
    public boolean admits(SceneObject o) {
        return o.shape() == shape
                && (color == null || o.color() == color)
                && (size == null || o.size() == size)
                && (cell == null || o.cell().equals(cell));
    }

    public boolean hasDetail() {
        return size != null || cell != null;
    }

    /** "a red circle", "two squares", "a small blue triangle at top left". */
    public String text() {
        StringBuilder sb = new StringBuilder();
        if (size != null) {
            sb.append(size.word()).append(' ');
        }
        if (color != null) {
            sb.append(color.word()).append(' ');
        }
        sb.append(shape.word(count));
        if (cell != null) {
            sb.append(" at ").append(cell.words());
        }
        String rest = sb.toString();
        String quantifier = switch (count) {
            case 1 -> startsWithVowel(rest) ? "an" : "a";
            case 2 -> "two";
            case 3 -> "three";
            default -> Integer.toString(count);
        };
        return quantifier + " " + rest;
    }

    private static boolean startsWithVowel(String s) {
        return !s.isEmpty() && "aeiou".indexOf(s.charAt(0)) >= 0;
    }
}
