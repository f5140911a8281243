package org.reflectlab.core.concepts;

import org.reflectlab.core.data.Fft;
import java.util.List;

/**
 * The multi-resolution STFT loss audio tokenizers and vocoders train with: at each FFT size (512,
 * 1024, 2048; Hann window, hop n/4) the spectral convergence ||(|S_y| - |S_x|)||_F / ||S_y||_F, the
 * mean log-magnitude distance |log|S_y| - log|S_x||, and a phase term, the magnitude-weighted mean of
 * 1 - cos(phase_y - phase_x); the loss is their sum averaged over the resolutions. Zero exactly when
 * the two signals are identical.
 */
public final class StftLoss {

    public static final List<Integer> FFT_SIZES = List.of(512, 1024, 2048);
    private static final double EPS = 1e-7;

    /** The three terms at one FFT size. */
    public record Terms(int fft, double spectralConvergence, double logMagnitude, double phase) {

        public double total() {
            return spectralConvergence + logMagnitude + phase;
        }
    }

    public record Loss(List<Terms> perResolution) {

        public double total() {
            return perResolution.stream().mapToDouble(Terms::total).average().orElse(Double.NaN);
        }

        public double magnitude() {
            return perResolution.stream().mapToDouble(t -> t.spectralConvergence() + t.logMagnitude()).average().orElse(Double.NaN);
        }

        public double phase() {
            return perResolution.stream().mapToDouble(Terms::phase).average().orElse(Double.NaN);
        }
    }

    private StftLoss() {
    }

    /** Loss of {@code estimate} against {@code reference} (same length, at least the largest FFT size). */
    public static Loss of(float[] estimate, float[] reference) {
        return of(estimate, reference, FFT_SIZES);
    }

    public static Loss of(float[] estimate, float[] reference, List<Integer> sizes) {
        if (estimate.length != reference.length) {
            throw new IllegalArgumentException("signals differ in length");
        }
        return new Loss(sizes.stream().map(n -> terms(estimate, reference, n)).toList());
    }

    static Terms terms(float[] x, float[] y, int n) {
        if (Integer.bitCount(n) != 1 || y.length < n) {
            throw new IllegalArgumentException("FFT size must be a power of two no longer than the signal");
        }
        int hop = n / 4;
        double[] window = new double[n];
        for (int i = 0; i < n; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
        }
        double diff2 = 0;
        double ref2 = 0;
        double logSum = 0;
        double phaseSum = 0;
        double weightSum = 0;
        long bins = 0;
        double[] xr = new double[n];
        double[] xi = new double[n];
        double[] yr = new double[n];
        double[] yi = new double[n];
        for (int start = 0; start + n <= y.length; start += hop) {
            for (int i = 0; i < n; i++) {
                xr[i] = x[start + i] * window[i];
                yr[i] = y[start + i] * window[i];
                xi[i] = 0;
                yi[i] = 0;
            }
            Fft.transform(xr, xi);
            Fft.transform(yr, yi);
            for (int k = 0; k <= n / 2; k++) {
                double mx = Math.hypot(xr[k], xi[k]);
                double my = Math.hypot(yr[k], yi[k]);
                diff2 += (my - mx) * (my - mx);
                ref2 += my * my;
                logSum += Math.abs(Math.log(my + EPS) - Math.log(mx + EPS));
                bins++;
                if (mx > EPS && my > EPS) {
                    // cos of the phase difference = Re(Y conj(X)) / (|X||Y|)
                    double cos = (yr[k] * xr[k] + yi[k] * xi[k]) / (mx * my);
                    phaseSum += my * Math.max(0, 1 - cos); // rounding can put cos a hair above 1
                }
                weightSum += my;
            }
        }
        double sc = ref2 > 0 ? Math.sqrt(diff2) / Math.sqrt(ref2) : Math.sqrt(diff2);
        return new Terms(n, sc, bins == 0 ? 0 : logSum / bins, weightSum > 0 ? phaseSum / weightSum : 0);
    }

}
