package org.reflectlab.core.aphasia;

import org.reflectlab.core.data.RgbImage;

/** Pixel fidelity of a reconstruction against the original. */
public final class Fidelity {

    private Fidelity() {
    }

    /** 1 - mean absolute error over every RGB value; decoder outputs are clamped to [0,1] first. */
    public static double similarity(RgbImage original, RgbImage other) {
        check(original, other);
        float[] a = original.data();
        float[] b = other.data();
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(clamp(a[i]) - clamp(b[i]));
        }
        return 1 - sum / a.length;
    }

    /** Peak signal-to-noise ratio in dB (peak 1), capped at 100 dB for identical images. */
    public static double psnr(RgbImage original, RgbImage other) {
        check(original, other);
        float[] a = original.data();
        float[] b = other.data();
        double se = 0;
        for (int i = 0; i < a.length; i++) {
            double d = clamp(a[i]) - clamp(b[i]);
            se += d * d;
        }
        double mse = Math.max(se / a.length, 1e-10);
        return 10 * Math.log10(1 / mse);
    }

    private static float clamp(float v) {
        return Math.max(0f, Math.min(1f, v));
    }

    private static void check(RgbImage a, RgbImage b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new IllegalArgumentException("images differ in size: " + a.width() + "x" + a.height()
                    + " and " + b.width() + "x" + b.height());
        }
    }
}
