package org.reflectlab.core.world;

import java.util.Arrays;
import java.util.List;
import org.reflectlab.core.data.RgbImage;

/**
 * Observed ball positions over time (NaN where a ball was not seen) with the actions that were
 * applied: what system identification learns from. Either exact (from the simulator's states)
 * or perceived (read back from rendered frames, so with pixel-level noise).
 */
public record Track(double[][] x, double[][] y, double[][] actions, double radius) {

    public Track {
        if (x.length != y.length || actions.length < x.length - 1) {
            throw new IllegalArgumentException("a track needs x and y per frame and an action per step");
        }
    }

    public int frames() {
        return x.length;
    }

    public int balls() {
        return x.length == 0 ? 0 : x[0].length;
    }

    public boolean seen(int t, int ball) {
        return !Double.isNaN(x[t][ball]);
    }

    /** The exact states of an episode. */
    public static Track exact(Episode e) {
        int n = e.frames();
        int balls = e.state(0).balls();
        double[][] x = new double[n][balls];
        double[][] y = new double[n][balls];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < balls; i++) {
                x[t][i] = e.state(t).x(i);
                y[t][i] = e.state(t).y(i);
            }
        }
        return new Track(x, y, e.actions(), e.state(0).radius());
    }

    /** Positions read from frames by {@link Perception}; the radius is the mean seen radius. */
    public static Track perceived(List<RgbImage> frames, double[][] actions) {
        int n = frames.size();
        int balls = FrameRenderer.PALETTE.length;
        double[][] x = new double[n][balls];
        double[][] y = new double[n][balls];
        double radiusSum = 0;
        int radiusCount = 0;
        for (int t = 0; t < n; t++) {
            Arrays.fill(x[t], Double.NaN);
            Arrays.fill(y[t], Double.NaN);
            Perception.Detection[] d = Perception.detect(frames.get(t));
            for (int i = 0; i < balls; i++) {
                if (d[i] != null) {
                    x[t][i] = d[i].x();
                    y[t][i] = d[i].y();
                    radiusSum += d[i].radius();
                    radiusCount++;
                }
            }
        }
        return new Track(x, y, actions, radiusCount == 0 ? BallPhysics.RADIUS : radiusSum / radiusCount);
    }
}
