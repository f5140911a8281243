package org.reflectlab.core.world;

import org.reflectlab.core.data.RgbImage;

/**
 * Draws a state as an RGB frame: dark box, one colour per ball (ball 0, the controllable one,
 * in the accent orange). Edges are anti-aliased by pixel coverage, so sub-pixel motion shows and
 * positions can be read back from pixels.
 */
public final class FrameRenderer {

    /** Background, then ball colours in ball order (RGB in [0,1]). */
    public static final float[] BACKGROUND = {0.08f, 0.09f, 0.13f};
    public static final float[][] PALETTE = {
        {1.00f, 0.44f, 0.26f},
        {0.33f, 0.62f, 1.00f},
        {0.36f, 0.86f, 0.42f},
    };

    private FrameRenderer() {
    }

    /** The empty box. */
    public static RgbImage empty(int size) {
        RgbImage img = new RgbImage(size, size);
        int plane = size * size;
        for (int c = 0; c < 3; c++) {
            java.util.Arrays.fill(img.data(), c * plane, (c + 1) * plane, BACKGROUND[c]);
        }
        return img;
    }

    public static RgbImage render(WorldState s, int size) {
        return render(s, s.radius(), size);
    }

    /** With a radius of one's own (the explicit model draws the radius it identified). */
    public static RgbImage render(WorldState s, double radius, int size) {
        RgbImage img = empty(size);
        float[] d = img.data();
        int plane = size * size;
        double rpx = radius * size;
        for (int i = 0; i < s.balls() && i < PALETTE.length; i++) {
            double cx = s.x(i) * size;
            double cy = s.y(i) * size;
            int x0 = Math.max(0, (int) Math.floor(cx - rpx - 1));
            int x1 = Math.min(size - 1, (int) Math.ceil(cx + rpx + 1));
            int y0 = Math.max(0, (int) Math.floor(cy - rpx - 1));
            int y1 = Math.min(size - 1, (int) Math.ceil(cy + rpx + 1));
            float[] col = PALETTE[i];
            for (int py = y0; py <= y1; py++) {
                for (int px = x0; px <= x1; px++) {
                    double dist = Math.hypot(px + 0.5 - cx, py + 0.5 - cy);
                    float cover = (float) Math.max(0, Math.min(1, rpx - dist + 0.5));
                    if (cover > 0) {
                        int k = py * size + px;
                        for (int c = 0; c < 3; c++) {
                            d[c * plane + k] = d[c * plane + k] * (1 - cover) + col[c] * cover;
                        }
                    }
                }
            }
        }
        return img;
    }
}
