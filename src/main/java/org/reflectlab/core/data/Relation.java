package org.reflectlab.core.data;

/** Spatial relations of GenEval's position category, judged on the 3x3 grid cells. */
public enum Relation {
    LEFT_OF("left of"),
    RIGHT_OF("right of"),
    ABOVE("above"),
    BELOW("below");

    private final String words;

    Relation(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** Whether an object in {@code a} stands in this relation to one in {@code b}. */
    public boolean holds(Cell a, Cell b) {
        return switch (this) {
            case LEFT_OF -> a.col() < b.col();
            case RIGHT_OF -> a.col() > b.col();
            case ABOVE -> a.row() < b.row();
            case BELOW -> a.row() > b.row();
        };
    }

    /** The relation that actually holds from a to b along this relation's axis, or null if tied. */
    public Relation actual(Cell a, Cell b) {
        boolean horizontal = this == LEFT_OF || this == RIGHT_OF;
        int d = horizontal ? a.col() - b.col() : a.row() - b.row();
        if (d == 0) {
            return null;
        }
        if (horizontal) {
            return d < 0 ? LEFT_OF : RIGHT_OF;
        }
        return d < 0 ? ABOVE : BELOW;
    }
}
