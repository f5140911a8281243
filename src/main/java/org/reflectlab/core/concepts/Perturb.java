package org.reflectlab.core.concepts;

import java.util.SplittableRandom;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.SceneRenderer;

/** Controlled, seeded perturbations of images and sounds, each with one strength knob. */
public final class Perturb {

    private Perturb() {
    }

    /** Moves the picture right by {@code px} pixels; the uncovered strip is background. */
    public static RgbImage shift(RgbImage img, int px) {
        int s = img.width();
        RgbImage out = new RgbImage(s, img.height());
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < img.height(); y++) {
                for (int x = 0; x < s; x++) {
                    int from = x - px;
                    out.set(c, y, x, from >= 0 && from < s ? img.get(c, y, from) : SceneRenderer.BACKGROUND[c]);
                }
            }
        }
        return out;
    }

    /** Box blur of the given radius (0 = unchanged), edges clamped. */
    public static RgbImage blur(RgbImage img, int radius) {
        int w = img.width();
        int h = img.height();
        RgbImage out = new RgbImage(w, h);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double sum = 0;
                    int n = 0;
                    for (int dy = -radius; dy <= radius; dy++) {
                        for (int dx = -radius; dx <= radius; dx++) {
                            int yy = Math.max(0, Math.min(h - 1, y + dy));
                            int xx = Math.max(0, Math.min(w - 1, x + dx));
                            sum += img.get(c, yy, xx);
                            n++;
                        }
                    }
                    out.set(c, y, x, (float) (sum / n));
                }
            }
        }
        return out;
    }

    /** Adds Gaussian noise of standard deviation {@code sigma}, clamped to [0, 1]. */
    public static RgbImage noise(RgbImage img, double sigma, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        RgbImage out = img.copy();
        float[] d = out.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) Math.max(0, Math.min(1, d[i] + sigma * gaussian(r)));
        }
        return out;
    }

    /** Adds Gaussian noise of standard deviation {@code sigma} to a signal. */
    public static float[] noise(float[] x, double sigma, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] out = x.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += (float) (sigma * gaussian(r));
        }
        return out;
    }

    /** Delays a signal by {@code samples} (silence enters at the start, the end is cut). */
    public static float[] delay(float[] x, int samples) {
        float[] out = new float[x.length];
        for (int i = samples; i < x.length; i++) {
            if (i - samples >= 0) {
                out[i] = x[i - samples];
            }
        }
        return out;
    }

    /** Pitch shift by resampling (speeds up with the pitch, as a tape would), linear interpolation, same length. */
    public static float[] pitch(float[] x, double semitones) {
        double ratio = Math.pow(2, semitones / 12);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            double at = i * ratio;
            int j = (int) Math.floor(at);
            if (j + 1 < x.length) {
                double f = at - j;
                out[i] = (float) (x[j] * (1 - f) + x[j + 1] * f);
            }
        }
        return out;
    }

    static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
