package org.reflectlab.core.aphasia;

import java.util.List;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Scene;
import org.reflectlab.core.data.SceneObject;

/**
 * One held-out scene through both routes: the images, the caption the model read (the textual
 * route's only message), what the judge saw in each image, and the scores.
 *
 * @param scores   [route][metric], indexed by {@link Route#ordinal()} and {@link Metric#ordinal()}
 * @param psnr     [route] in dB (the original's is not meaningful and is NaN)
 * @param parsed   whether the read caption parsed; if not, the textual route drew nothing (background)
 */
public record SampleOutcome(long index, Scene truth, String trueCaption, RgbImage original, RgbImage visual,
                            String readCaption, boolean parsed, RgbImage textual,
                            List<List<SceneObject>> judged, double[][] scores, double[] psnr) {

    public double score(Route route, Metric metric) {
        return scores[route.ordinal()][metric.ordinal()];
    }

    /** visual - textual for one metric. */
    public double gap(Metric metric) {
        return score(Route.VISUAL, metric) - score(Route.TEXTUAL, metric);
    }

    /** Mean visual - textual gap over the attributes (pixels excluded): how much text lost here. */
    public double attributeGap() {
        double s = 0;
        int k = 0;
        for (Metric m : Metric.values()) {
            if (m.isAttribute()) {
                s += gap(m);
                k++;
            }
        }
        return s / k;
    }

    public List<SceneObject> judged(Route route) {
        return judged.get(route.ordinal());
    }
}
