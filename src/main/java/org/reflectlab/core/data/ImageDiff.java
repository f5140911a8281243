package org.reflectlab.core.data;

/** What changed between two images of the same size, as a picture: |a - b| per channel, amplified. */
public final class ImageDiff {

    private ImageDiff() {
    }

    public static RgbImage heatmap(RgbImage a, RgbImage b, float gain) {
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new IllegalArgumentException("images differ in size");
        }
        float[] x = a.data();
        float[] y = b.data();
        float[] d = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = Math.min(1f, Math.abs(x[i] - y[i]) * gain);
        }
        return new RgbImage(a.width(), a.height(), d);
    }
}
