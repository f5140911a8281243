package org.reflectlab.core.settings;

import java.util.Locale;

/**
 * The values a setting accepts. Declared once beside the setting (TrainSettings, UnifiedConfig), used
 * both by the record's own check and by the property sheet that edits it, so the two cannot disagree.
 */
public record Range(double min, double max, boolean integer) {

    public static Range ints(long min, long max) {
        return new Range(min, max, true);
    }

    public static Range reals(double min, double max) {
        return new Range(min, max, false);
    }

    public boolean contains(double v) {
        return v >= min && v <= max && (!integer || v == Math.rint(v));
    }

    /** "16..512" or "1e-06..0.1", as messages say it. */
    public String text() {
        return integer ? String.format(Locale.ROOT, "%d..%d", (long) min, (long) max) : fmt(min) + ".." + fmt(max);
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
