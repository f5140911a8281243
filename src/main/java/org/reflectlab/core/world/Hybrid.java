package org.reflectlab.core.world;

import java.util.ArrayList;
import java.util.List;
import org.reflectlab.core.data.RgbImage;

/**
 * The hybrid world model: per pixel, alpha x explicit + (1 - alpha) x implicit, frame by frame.
 * Alpha 1 is pure physics, 0 pure learned dynamics. Averaging two predictions whose errors are
 * not the same lowers the expected error below the better one's for some alpha in between; the
 * sweep measures where.
 */
public final class Hybrid {

    private Hybrid() {
    }

    public static List<RgbImage> blend(List<RgbImage> explicit, List<RgbImage> implicit, double alpha) {
        checkAlpha(alpha);
        List<RgbImage> out = new ArrayList<>(explicit.size());
        for (int k = 0; k < explicit.size(); k++) {
            out.add(blend(explicit.get(k), implicit.get(k), alpha));
        }
        return out;
    }

    public static RgbImage blend(RgbImage explicit, RgbImage implicit, double alpha) {
        float[] e = explicit.data();
        float[] i = implicit.data();
        float[] o = new float[e.length];
        float a = (float) alpha;
        for (int k = 0; k < o.length; k++) {
            o[k] = a * e[k] + (1 - a) * i[k];
        }
        return new RgbImage(explicit.width(), explicit.height(), o);
    }

    public static void checkAlpha(double alpha) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1, not " + alpha);
        }
    }
}
