package org.reflectlab.core.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Percentile bootstrap confidence intervals over prompts (resampled with replacement). */
public final class Bootstrap {

    private Bootstrap() {
    }

    /** 95% interval of the mean of values. */
    public static double[] meanInterval(double[] values, int resamples, long seed) {
        return interval(values.length, idx -> {
            double s = 0;
            for (int i : idx) {
                s += values[i];
            }
            return s / idx.length;
        }, resamples, seed);
    }

    /** 95% interval of any statistic of a resample (given as indices into the data). */
    public static double[] interval(int n, ToDoubleFunction<int[]> statistic, int resamples, long seed) {
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        SplittableRandom r = new SplittableRandom(seed);
        double[] stats = new double[resamples];
        int[] idx = new int[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                idx[i] = r.nextInt(n);
            }
            stats[b] = statistic.applyAsDouble(idx);
        }
        Arrays.sort(stats);
        return new double[] {stats[(int) Math.floor(0.025 * (resamples - 1))], stats[(int) Math.ceil(0.975 * (resamples - 1))]};
    }
}
