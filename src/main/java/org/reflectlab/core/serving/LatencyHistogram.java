package org.reflectlab.core.serving;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in log-spaced buckets (about 4% wide, 1 us to ~100 s): constant memory however many
 * requests, percentiles to within a bucket. Thread-safe.
 */
public final class LatencyHistogram {

    private static final double GROWTH = 1.04;
    private static final double MIN_NANOS = 1_000;
    private static final int BUCKETS = (int) Math.ceil(Math.log(1e11 / MIN_NANOS) / Math.log(GROWTH)) + 1;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final java.util.concurrent.atomic.AtomicLong total = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong sumNanos = new java.util.concurrent.atomic.AtomicLong();

    public void record(long nanos) {
        int b = nanos <= MIN_NANOS ? 0 : (int) Math.min(BUCKETS - 1, Math.ceil(Math.log(nanos / MIN_NANOS) / Math.log(GROWTH)));
        counts.incrementAndGet(b);
        total.incrementAndGet();
        sumNanos.addAndGet(nanos);
    }

    public long count() {
        return total.get();
    }

    public double meanMillis() {
        long n = total.get();
        return n == 0 ? Double.NaN : sumNanos.get() / 1e6 / n;
    }

    /** Requests that took at most this long (to within a bucket): a Prometheus bucket's cumulative count. */
    public long countAtMost(double millis) {
        double nanos = millis * 1e6;
        long n = 0;
        for (int b = 0; b < BUCKETS; b++) {
            if (MIN_NANOS * Math.pow(GROWTH, b) > nanos * (1 + 1e-9)) {
                break;
            }
            n += counts.get(b);
        }
        return n;
    }

    public double sumMillis() {
        return sumNanos.get() / 1e6;
    }

    /** The q-quantile (0..1) in milliseconds: the upper edge of the bucket that holds it; NaN when empty. */
    public double percentileMillis(double q) {
        long n = total.get();
        if (n == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(q * n));
        long seen = 0;
        for (int b = 0; b < BUCKETS; b++) {
            seen += counts.get(b);
            if (seen >= rank) {
                return MIN_NANOS * Math.pow(GROWTH, b) / 1e6;
            }
        }
        return MIN_NANOS * Math.pow(GROWTH, BUCKETS - 1) / 1e6;
    }
}
