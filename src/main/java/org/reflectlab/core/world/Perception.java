package org.reflectlab.core.world;

import org.reflectlab.core.data.RgbImage;

/**
 * Reads ball positions back from a frame, from pixels alone. Each pixel's colour is unmixed into
 * how much of each ball colour it holds (a 3x3 solve: the three ball colours minus the background
 * are linearly independent), and each ball's centre is the coverage-weighted centroid. Works on
 * any frame, true or predicted: a blurred ball still has a centroid, a vanished one is missing.
 */
public final class Perception {

    /** One ball as seen: centre in box units, radius from its covered area, and that area in pixels. */
    public record Detection(double x, double y, double radius, double pixels) {
    }

    /** Less than this share of a ball's expected area and the ball counts as not there. */
    private static final double MIN_AREA_SHARE = 0.3;
    private static final float NOISE = 0.04f;
    private static final double[][] UNMIX = inverse(mixing());

    private Perception() {
    }

    /** Detections per palette colour (ball index); null where that ball is not visible. */
    public static Detection[] detect(RgbImage frame) {
        int size = frame.width();
        int plane = size * size;
        float[] d = frame.data();
        int n = FrameRenderer.PALETTE.length;
        double[] mass = new double[n];
        double[] sx = new double[n];
        double[] sy = new double[n];
        for (int k = 0; k < plane; k++) {
            double r = d[k] - FrameRenderer.BACKGROUND[0];
            double g = d[plane + k] - FrameRenderer.BACKGROUND[1];
            double b = d[2 * plane + k] - FrameRenderer.BACKGROUND[2];
            for (int i = 0; i < n; i++) {
                double a = UNMIX[i][0] * r + UNMIX[i][1] * g + UNMIX[i][2] * b;
                if (a > NOISE) {
                    a = Math.min(1, a);
                    mass[i] += a;
                    sx[i] += a * (k % size + 0.5);
                    sy[i] += a * (k / size + 0.5);
                }
            }
        }
        Detection[] out = new Detection[n];
        double expected = Math.PI * Math.pow(BallPhysics.RADIUS * size, 2);
        for (int i = 0; i < n; i++) {
            if (mass[i] >= MIN_AREA_SHARE * expected) {
                out[i] = new Detection(sx[i] / mass[i] / size, sy[i] / mass[i] / size,
                        Math.sqrt(mass[i] / Math.PI) / size, mass[i]);
            }
        }
        return out;
    }

    /** Visible balls counted from ball 0 up to the first missing one (the controllable ball leads). */
    public static int leadingBalls(Detection[] d) {
        int n = 0;
        while (n < d.length && d[n] != null) {
            n++;
        }
        return n;
    }

    private static double[][] mixing() {
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < 3; c++) {
                m[c][i] = FrameRenderer.PALETTE[i][c] - FrameRenderer.BACKGROUND[c];
            }
        }
        return m;
    }

    private static double[][] inverse(double[][] m) {
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        if (Math.abs(det) < 1e-6) {
            throw new IllegalStateException("ball colours are not independent");
        }
        double[][] inv = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                int r1 = (c + 1) % 3;
                int r2 = (c + 2) % 3;
                int c1 = (r + 1) % 3;
                int c2 = (r + 2) % 3;
                inv[r][c] = (m[r1][c1] * m[r2][c2] - m[r1][c2] * m[r2][c1]) / det;
            }
        }
        return inv;
    }
}
