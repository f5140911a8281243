package org.reflectlab.core.data;

import java.util.Locale;

/** Object size; the radius is a fraction of one grid cell's width. */
public enum Size {
    SMALL(0.26),
    LARGE(0.38);

    private final double radius;

    Size(double radius) {
        this.radius = radius;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Radius in cell units. */
    public double radius() {
        return radius;
    }
}
