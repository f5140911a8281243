package org.reflectlab.core.data;

import java.util.Locale;

/** The object classes of ShapesWorld. Each has a singular and a plural caption word. */
public enum Shape {
    CIRCLE(1.0), SQUARE(1.2), TRIANGLE(1.2), DIAMOND(1.15);

    private final double extent;

    Shape(double extent) {
        this.extent = extent;
    }

    /** Distance from centre to the farthest point, in units of the size's radius. */
    public double extent() {
        return extent;
    }

    /**
     * Largest sub-cell offset (cell units) that keeps an object of this shape and size inside
     * its own cell whatever its rotation, so objects never overlap.
     */
    public double maxOffset(Size size) {
        return Math.max(0, 0.5 - extent * size.radius() - 0.01);
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String plural() {
        return word() + "s";
    }

    public String word(int count) {
        return count == 1 ? word() : plural();
    }
}
