package org.reflectlab.ui.aphasia;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.reflectlab.core.aphasia.AttributeAgreement;
import org.reflectlab.core.aphasia.SampleOutcome;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.ui.kit.I18n;

/**
 * Makes fine-position loss visible: an overlay of the original (cyan) and a reconstruction (red),
 * where what lines up is grey-white and what moved shows as coloured fringes, and the measured
 * centroid shift of each object. Toolkit-free.
 */
final class FineDetail {

    private FineDetail() {
    }

    /** Red = the reconstruction's brightness, green and blue = the original's: aligned objects are grey, shifts fringe. */
    static RgbImage overlay(RgbImage original, RgbImage reconstruction) {
        int w = original.width();
        int h = original.height();
        RgbImage out = new RgbImage(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float o = luminance(original, y, x);
                float r = luminance(reconstruction, y, x);
                out.set(0, y, x, r);
                out.set(1, y, x, o);
                out.set(2, y, x, o);
            }
        }
        return out;
    }

    private static float luminance(RgbImage img, int y, int x) {
        float v = 0.299f * img.get(0, y, x) + 0.587f * img.get(1, y, x) + 0.114f * img.get(2, y, x);
        return Math.max(0, Math.min(1, v * 1.6f));
    }

    /** "1.8, 0.3 px" per true object ("lost" where a route drew no blob in the object's cell). */
    static String shifts(SampleOutcome s, RgbImage reconstruction) {
        double[] e = AttributeAgreement.centroidErrors(s.truth(), s.original(), reconstruction);
        return I18n.tr("aphasia.fine.shifts", Arrays.stream(e).mapToObj(v -> Double.isFinite(v) ? I18n.tr("aphasia.fine.shift", v)
                : I18n.tr("aphasia.fine.lost")).collect(Collectors.joining(", ")));
    }

    /** The sentence under the overlays. */
    static String describe(SampleOutcome s) {
        return I18n.tr("aphasia.fine.describe", AttributeAgreement.FINE_TOLERANCE_PX, shifts(s, s.visual()), shifts(s, s.textual()));
    }
}
