package org.reflectlab.ui.kit;

import java.util.Arrays;

/**
 * The points a live chart shows for an unbounded stream, in bounded memory: every raw value is
 * kept (two float arrays, so 100k steps cost under 1 MB), and the display holds at most
 * {@code maxPoints} buckets. When it fills, neighbouring buckets merge pairwise and the bucket
 * width doubles, so the whole history stays visible at even resolution. Plain Java (no toolkit):
 * {@link LiveSeries} moves its output into a chart.
 */
public final class DecimatingBuffer {

    private final int maxPoints;
    private float[] rawX = new float[1024];
    private float[] rawY = new float[1024];
    private int rawCount;

    private double[] shownX;
    private double[] shownY;
    private int shownCount;
    private int stride = 1;
    private double pendingSumX;
    private double pendingSumY;
    private int pendingCount;

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
        shownCount = 0;
        stride = 1;
        pendingSumX = 0;
        pendingSumY = 0;
        pendingCount = 0;
    }
}
