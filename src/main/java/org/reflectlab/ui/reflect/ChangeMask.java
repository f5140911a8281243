package org.reflectlab.ui.reflect;

import org.reflectlab.core.data.RgbImage;

/**
 * Where an image changed from the one before it: a pixel counts as changed when the mean of its
 * absolute R, G and B differences exceeds a threshold. Plain arrays and no toolkit, so the rule is
 * unit-tested on its own and any view can draw it.
 */
public final class ChangeMask {

    /** A tenth of the [0,1] range (about 26 of 255 levels): a colour swap or a moved edge passes it. */
    public static final float THRESHOLD = 0.1f;

    private final int width;
    private final int height;
    private final boolean[] changed;
    private final int count;
    private final double meanChange;

    private ChangeMask(int width, int height, boolean[] changed, int count, double meanChange) {
        this.width = width;
        this.height = height;
        this.changed = changed;
        this.count = count;
        this.meanChange = meanChange;
    }

    public static ChangeMask between(RgbImage before, RgbImage after, float threshold) {
        if (before.width() != after.width() || before.height() != after.height()) {
            throw new IllegalArgumentException("images differ in size: " + before.width() + "x" + before.height()
                    + " and " + after.width() + "x" + after.height());
        }
        int plane = after.width() * after.height();
        float[] a = before.data();
        float[] b = after.data();
        boolean[] changed = new boolean[plane];
        double total = 0;
        int count = 0;
        for (int i = 0; i < plane; i++) {
            float d = Math.abs(a[i] - b[i]) + Math.abs(a[plane + i] - b[plane + i])
                    + Math.abs(a[2 * plane + i] - b[2 * plane + i]);
            total += d;
            if (d / 3f > threshold) {
                changed[i] = true;
                count++;
            }
        }
        // Over every channel value, as Iteration.change is, so the two numbers agree.
        return new ChangeMask(after.width(), after.height(), changed, count, total / (3.0 * plane));
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Whether pixel (x, y) changed; false outside the image, so edges of the image close outlines. */
    public boolean changed(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && changed[y * width + x];
    }

    public int count() {
        return count;
    }

    public double fraction() {
        return count / (double) (width * height);
    }

    /** Mean absolute difference over all channel values, in [0,1]. */
    public double meanChange() {
        return meanChange;
    }
}
