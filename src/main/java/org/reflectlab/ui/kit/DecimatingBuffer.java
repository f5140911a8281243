package org.reflectlab.ui.kit;

import java.util.Arrays;

/**
 * The points a live chart shows for an unbounded stream, in bounded memory. Every raw value is
 * kept (two float arrays: 100k steps cost under 1 MB); the display holds at most
 * {@code maxPoints} buckets. When it fills, neighbouring buckets merge pairwise and the bucket
 * width doubles, so the whole history stays visible at even resolution.
 *
 * <p>Shown values go through TensorBoard-style smoothing (a debiased exponential moving average
 * with weight in [0, 1)) and optionally log10. Changing either recomputes the display from the
 * raw values. Plain Java, no toolkit: {@link LiveSeries} moves the output into a chart.
 */
public final class DecimatingBuffer {

    private final int maxPoints;
    private float[] rawX = new float[1024];
    private float[] rawY = new float[1024];
    private int rawCount;

    private final double[] shownX;
    private final double[] shownY;
    private int shownCount;
    private int stride = 1;
    private double pendingSumX;
    private double pendingSumY;
    private int pendingCount;

    private double smoothing;
    private boolean log;
    private double ema;
    private double emaWeight;

    public DecimatingBuffer(int maxPoints) {
        if (maxPoints < 4) {
            throw new IllegalArgumentException("maxPoints must be at least 4");
        }
        this.maxPoints = maxPoints;
        this.shownX = new double[maxPoints];
        this.shownY = new double[maxPoints];
    }

    /** Adds a raw point; returns true if the shown points changed shape (merged), not only grew. */
    public boolean add(double x, double y) {
        if (rawCount == rawX.length) {
            rawX = Arrays.copyOf(rawX, rawX.length * 2);
            rawY = Arrays.copyOf(rawY, rawY.length * 2);
        }
        rawX[rawCount] = (float) x;
        rawY[rawCount] = (float) y;
        rawCount++;
        return show(x, y);
    }

    private boolean show(double x, double raw) {
        double y = transform(raw);
        if (!Double.isFinite(y)) {
            return false; // a log of a non-positive value, or a NaN, has no place on the chart
        }
        pendingSumX += x;
        pendingSumY += y;
        pendingCount++;
        if (pendingCount < stride) {
            return false;
        }
        boolean merged = false;
        if (shownCount == maxPoints) {
            mergePairs();
            merged = true;
            if (pendingCount < stride) {
                return true; // keep filling this bucket to the new, doubled width
            }
        }
        shownX[shownCount] = pendingSumX / pendingCount;
        shownY[shownCount] = pendingSumY / pendingCount;
        shownCount++;
        pendingSumX = 0;
        pendingSumY = 0;
        pendingCount = 0;
        return merged;
    }

    private double transform(double v) {
        if (!Double.isFinite(v)) {
            return Double.NaN;
        }
        double s = v;
        if (smoothing > 0) {
            ema = ema * smoothing + (1 - smoothing) * v;
            emaWeight = emaWeight * smoothing + (1 - smoothing);
            s = ema / emaWeight;
        }
        return log ? Math.log10(s) : s;
    }

    private void mergePairs() {
        int n = shownCount / 2;
        for (int i = 0; i < n; i++) {
            shownX[i] = (shownX[2 * i] + shownX[2 * i + 1]) / 2;
            shownY[i] = (shownY[2 * i] + shownY[2 * i + 1]) / 2;
        }
        if (shownCount % 2 == 1) {
            shownX[n] = shownX[shownCount - 1];
            shownY[n] = shownY[shownCount - 1];
            n++;
        }
        shownCount = n;
        stride *= 2;
    }

    /** Smoothing weight in [0, 0.999] (0 = raw). Recomputes what is shown. */
    public void setSmoothing(double weight) {
        this.smoothing = Math.max(0, Math.min(0.999, weight));
        rebuild();
    }

    public void setLog(boolean log) {
        this.log = log;
        rebuild();
    }

    public double smoothing() {
        return smoothing;
    }

    public boolean log() {
        return log;
    }

    private void rebuild() {
        shownCount = 0;
        stride = 1;
        pendingSumX = 0;
        pendingSumY = 0;
        pendingCount = 0;
        ema = 0;
        emaWeight = 0;
        for (int i = 0; i < rawCount; i++) {
            show(rawX[i], rawY[i]);
        }
    }

    public int rawCount() {
        return rawCount;
    }

    public double rawX(int i) {
        return rawX[i];
    }

    public double rawY(int i) {
        return rawY[i];
    }

    public int shownCount() {
        return shownCount;
    }

    public double shownX(int i) {
        return shownX[i];
    }

    public double shownY(int i) {
        return shownY[i];
    }

    public int stride() {
        return stride;
    }

    public int maxPoints() {
        return maxPoints;
    }

    public void clear() {
        rawCount = 0;
        rebuild();
    }
}
