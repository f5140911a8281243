package org.reflectlab.core.data;

import java.util.Locale;

/**
 * The six named colors. Each is a point in HSV; scenes jitter the hue a little (a detail
 * captions never mention), so a color word names a small region, not a single RGB value.
 */
public enum ShapeColor {
    RED(2, 0.85, 0.92),
    ORANGE(30, 0.90, 0.98),
    YELLOW(56, 0.85, 0.95),
    GREEN(125, 0.75, 0.78),
    BLUE(220, 0.80, 0.95),
    PURPLE(282, 0.65, 0.85);

    private final double hue;
    private final double saturation;
    private final double value;

    ShapeColor(double hue, double saturation, double value) {
        this.hue = hue;
        this.saturation = saturation;
        this.value = value;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Hue in degrees of the color's centre. */
    public double hue() {
        return hue;
    }

    /** RGB in [0,1] of this color with its hue shifted by {@code hueJitterDegrees}. */
    public float[] rgb(double hueJitterDegrees) {
        return hsvToRgb(hue + hueJitterDegrees, saturation, value);
    }

    static float[] hsvToRgb(double hueDegrees, double s, double v) {
        double h = ((hueDegrees % 360) + 360) % 360 / 60.0;
        int sector = (int) Math.floor(h);
        double f = h - sector;
        double p = v * (1 - s);
        double q = v * (1 - s * f);
        double t = v * (1 - s * (1 - f));
        double r;
        double g;
        double b;
        switch (sector % 6) {
            case 0 -> { r = v; g = t; b = p; }
            case 1 -> { r = q; g = v; b = p; }
            case 2 -> { r = p; g = v; b = t; }
            case 3 -> { r = p; g = q; b = v; }
            case 4 -> { r = t; g = p; b = v; }
            default -> { r = v; g = p; b = q; }
        }
        return new float[] {(float) r, (float) g, (float) b};
    }
}
