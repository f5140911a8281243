package org.reflectlab.core.data;

import java.util.Arrays;

/**
 * An RGB image with float channels in [0,1], stored channel-major (CHW) as networks read it.
 * Plain data: the UI converts it to its own image type.
 */
public final class RgbImage {

    private final int width;
    private final int height;
    private final float[] chw;

    public RgbImage(int width, int height) {
        this(width, height, new float[3 * width * height]);
    }

    public RgbImage(int width, int height, float[] chw) {
        if (chw.length != 3 * width * height) {
            throw new IllegalArgumentException("expected " + 3 * width * height + " values, got " + chw.length);
        }
        this.width = width;
        this.height = height;
        this.chw = chw;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The backing array (CHW); callers that write to it own the image. */
    public float[] data() {
        return chw;
    }

    public float get(int channel, int y, int x) {
        return chw[(channel * height + y) * width + x];
    }

    public void set(int channel, int y, int x, float v) {
        chw[(channel * height + y) * width + x] = v;
    }

    /** Packed 0xAARRGGBB pixels, row-major, with values clamped to [0,1]. */
    public int[] toArgb() {
        int plane = width * height;
        int[] argb = new int[plane];
        for (int i = 0; i < plane; i++) {
            int r = to8(chw[i]);
            int g = to8(chw[plane + i]);
            int b = to8(chw[2 * plane + i]);
            argb[i] = 0xFF000000 | (r << 16) | (g << 8) | b;
        }
        return argb;
    }

    public static RgbImage fromArgb(int width, int height, int[] argb) {
        RgbImage img = new RgbImage(width, height);
        int plane = width * height;
        for (int i = 0; i < plane; i++) {
            img.chw[i] = ((argb[i] >> 16) & 0xFF) / 255f;
            img.chw[plane + i] = ((argb[i] >> 8) & 0xFF) / 255f;
            img.chw[2 * plane + i] = (argb[i] & 0xFF) / 255f;
        }
        return img;
    }

    /** 8-bit RGB bytes, row-major interleaved: what "identical bytes" means for a render. */
    public byte[] toRgbBytes() {
        int plane = width * height;
        byte[] out = new byte[3 * plane];
        for (int i = 0; i < plane; i++) {
            out[3 * i] = (byte) to8(chw[i]);
            out[3 * i + 1] = (byte) to8(chw[plane + i]);
            out[3 * i + 2] = (byte) to8(chw[2 * plane + i]);
        }
        return out;
    }

    public RgbImage copy() {
        return new RgbImage(width, height, chw.clone());
    }

    private static int to8(float v) {
        return Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RgbImage other && other.width == width && other.height == height
                && Arrays.equals(other.chw, chw);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(chw);
    }
}
