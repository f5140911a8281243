package org.reflectlab.core.data;

/**
 * Caption categories: GenEval's six, plus DESCRIPTION, the full caption (every object's size,
 * color, shape and position) that the unified model learns to read and write.
 */
public enum Category {
    SINGLE_OBJECT("single object"),
    TWO_OBJECTS("two objects"),
    COUNTING("counting"),
    COLORS("colors"),
    POSITION("position"),
    COLOR_ATTRIBUTION("color attribution"),
    DESCRIPTION("description");

    /** The six GenEval categories (DESCRIPTION excluded). */
    public static final java.util.List<Category> GENEVAL = java.util.List.of(
            SINGLE_OBJECT, TWO_OBJECTS, COUNTING, COLORS, POSITION, COLOR_ATTRIBUTION);

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return label;
    }
}
