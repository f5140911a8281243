package org.reflectlab.core.train;

import java.util.concurrent.atomic.AtomicLong;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Learning rate: linear warm-up, then cosine decay to a floor (a fraction of the peak), times a
 * live multiplier the user can lower mid-run (e.g. after a NaN). Clones share the multiplier,
 * because SameDiff clones its updater configuration.
 */
public final class WarmupCosine implements ISchedule {

    private static final long serialVersionUID = 1L;

    private final double peak;
    private final int warmup;
    private final int total;
    private final double floorFraction;
    private final AtomicLong scaleBits;

    public WarmupCosine(double peak, int warmup, int total, double floorFraction) {
        this(peak, warmup, total, floorFraction, new AtomicLong(Double.doubleToLongBits(1.0)));
    }

    private WarmupCosine(double peak, int warmup, int total, double floorFraction, AtomicLong scaleBits) {
        this.peak = peak;
        this.warmup = Math.max(0, warmup);
        this.total = Math.max(1, total);
        this.floorFraction = floorFraction;
        this.scaleBits = scaleBits;
    }

    public void setScale(double scale) {
        scaleBits.set(Double.doubleToLongBits(scale));
    }

    public double scale() {
        return Double.longBitsToDouble(scaleBits.get());
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        double base;
        if (iteration < warmup) {
            base = peak * (iteration + 1) / (double) warmup;
        } else {
            double progress = Math.min(1.0, (iteration - warmup) / (double) Math.max(1, total - warmup));
            double floor = peak * floorFraction;
            base = floor + (peak - floor) * 0.5 * (1 + Math.cos(Math.PI * progress));
        }
        return base * scale();
    }

    @Override
    public ISchedule clone() {
        return new WarmupCosine(peak, warmup, total, floorFraction, scaleBits);
    }
}
