package org.reflectlab.core.world;

import java.util.List;
import org.reflectlab.core.data.RgbImage;

/**
 * How one predicted sequence compares with the truth over steps 1..H (frame 0 is the shared
 * context frame). Errors and frame-to-frame differences are mean squared pixel differences
 * (RGB in [0,1]), so they share a scale: a model that flickers has frame-to-frame differences
 * far above the truth's own.
 *
 * @param errors       per step, MSE against the true frame
 * @param frameDiffs   per step, MSE against the same sequence's previous frame (temporal consistency)
 * @param driftHorizon first step whose error passes the threshold, or -1 if none does
 * @param energy       per step, kinetic + potential energy of the balls as seen in the frames
 * @param energyDrift  relative change of that energy from the first steps to the last ones
 */
public record RolloutMetrics(double[] errors, double meanError, double[] frameDiffs, double meanDiff, double maxDiff,
                             int driftHorizon, double threshold, double[] energy, double energyDrift) {

    /** Default drift threshold: about one ball's area drawn in the wrong place on a 32px frame. */
    public static final double DEFAULT_THRESHOLD = 0.01;
    private static final int ENERGY_WINDOW = 5;

    public static RolloutMetrics of(List<RgbImage> frames, List<RgbImage> truth, double threshold, PhysicsParams physics) {
        int h = frames.size() - 1;
        if (h < 1 || truth.size() != frames.size()) {
            throw new IllegalArgumentException("need the same number (at least 2) of predicted and true frames");
        }
        double[] errors = new double[h];
        double[] diffs = new double[h];
        double sumError = 0;
        double sumDiff = 0;
        double maxDiff = 0;
        int horizon = -1;
        for (int k = 1; k <= h; k++) {
            errors[k - 1] = mse(frames.get(k), truth.get(k));
            diffs[k - 1] = mse(frames.get(k), frames.get(k - 1));
            sumError += errors[k - 1];
            sumDiff += diffs[k - 1];
            maxDiff = Math.max(maxDiff, diffs[k - 1]);
            if (horizon < 0 && errors[k - 1] > threshold) {
                horizon = k;
            }
        }
        double[] energy = energy(frames, physics);
        return new RolloutMetrics(errors, sumError / h, diffs, sumDiff / h, maxDiff, horizon, threshold, energy,
                drift(energy));
    }

    public static double mse(RgbImage a, RgbImage b) {
        float[] x = a.data();
        float[] y = b.data();
        if (x.length != y.length) {
            throw new IllegalArgumentException("frames differ in size");
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double d = Math.max(0, Math.min(1, x[i])) - Math.max(0, Math.min(1, y[i]));
            s += d * d;
        }
        return s / x.length;
    }

    /** Energy per step 1..H from perceived positions (velocity = displacement since the previous frame). */
    static double[] energy(List<RgbImage> frames, PhysicsParams physics) {
        int h = frames.size() - 1;
        double[] out = new double[h];
        Perception.Detection[] prev = Perception.detect(frames.get(0));
        double floor = 1 - BallPhysics.RADIUS;
        for (int k = 1; k <= h; k++) {
            Perception.Detection[] cur = Perception.detect(frames.get(k));
            double e = 0;
            for (int i = 0; i < cur.length; i++) {
                if (cur[i] != null && prev[i] != null) {
                    double vx = (cur[i].x() - prev[i].x()) / BallPhysics.DT;
                    double vy = (cur[i].y() - prev[i].y()) / BallPhysics.DT;
                    e += physics.mass() * (0.5 * (vx * vx + vy * vy) + physics.gravity() * Math.max(0, floor - cur[i].y()));
                }
            }
            out[k - 1] = e;
            prev = cur;
        }
        return out;
    }

    /** (mean of the last few steps - mean of the first few) / mean of the first few. */
    static double drift(double[] energy) {
        int w = Math.max(1, Math.min(ENERGY_WINDOW, energy.length / 2));
        double first = 0;
        double last = 0;
        for (int k = 0; k < w; k++) {
            first += energy[k];
            last += energy[energy.length - 1 - k];
        }
        return first <= 1e-12 ? Double.NaN : (last - first) / first;
    }

    /** "never" when the error stayed under the threshold, else the step. */
    public String driftHorizonText() {
        return driftHorizon < 0 ? "never" : Integer.toString(driftHorizon);
    }
}
