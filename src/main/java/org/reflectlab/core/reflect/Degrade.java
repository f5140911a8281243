package org.reflectlab.core.reflect;

import java.util.SplittableRandom;
import org.reflectlab.core.data.RgbImage;

/**
 * Damage that makes a clean render look more like a generated image (blur, noise, a colour
 * cast), so detectors trained on renders still read the generator's softer pictures.
 */
public final class Degrade {

    private Degrade() {
    }

    public static RgbImage random(RgbImage img, SplittableRandom r) {
        RgbImage out = img;
        if (r.nextDouble() < 0.6) {
            out = blur(out, 0.3 + r.nextDouble() * 0.9);
        }
        if (r.nextDouble() < 0.6) {
            out = noise(out, r.nextDouble() * 0.05, r);
        }
        if (r.nextDouble() < 0.3) {
            out = scale(out, 0.85 + r.nextDouble() * 0.3);
        }
        return out;
    }

    /** Separable Gaussian blur with edge clamping. */
    public static RgbImage blur(RgbImage img, double sigma) {
        int radius = Math.max(1, (int) Math.ceil(2.5 * sigma));
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        int w = img.width();
        int h = img.height();
        RgbImage tmp = new RgbImage(w, h);
        RgbImage out = new RgbImage(w, h);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = 0;
                    for (int i = -radius; i <= radius; i++) {
                        v += k[i + radius] * img.get(c, y, Math.max(0, Math.min(w - 1, x + i)));
                    }
                    tmp.set(c, y, x, (float) v);
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = 0;
                    for (int i = -radius; i <= radius; i++) {
                        v += k[i + radius] * tmp.get(c, Math.max(0, Math.min(h - 1, y + i)), x);
                    }
                    out.set(c, y, x, (float) v);
                }
            }
        }
        return out;
    }

    public static RgbImage noise(RgbImage img, double sigma, SplittableRandom r) {
        RgbImage out = img.copy();
        float[] d = out.data();
        for (int i = 0; i < d.length; i++) {
            double g = Math.sqrt(-2 * Math.log(Math.max(1e-12, r.nextDouble()))) * Math.cos(2 * Math.PI * r.nextDouble());
            d[i] = (float) Math.max(0, Math.min(1, d[i] + g * sigma));
        }
        return out;
    }

    public static RgbImage scale(RgbImage img, double factor) {
        RgbImage out = img.copy();
        float[] d = out.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) Math.max(0, Math.min(1, d[i] * factor));
        }
        return out;
    }
}
