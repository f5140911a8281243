package org.reflectlab.core.world;

import java.util.ArrayList;
import java.util.List;
import org.reflectlab.core.data.RgbImage;

/**
 * The explicit world model: the physics integrator with identified parameters. It reads the ball
 * positions off the two context frames (so its start state carries pixel-level error, as any
 * real perception would), integrates, and renders what it believes. It knows gravity, walls and
 * collisions as priors; what it does not know (the exact parameters, the exact start state) it
 * had to estimate.
 */
public final class ExplicitModel {

    private final PhysicsParams params;
    private final double radius;

    public ExplicitModel(PhysicsParams params, double radius) {
        this.params = params;
        this.radius = radius;
    }

    public PhysicsParams params() {
        return params;
    }

    public double radius() {
        return radius;
    }

    /**
     * Identifies the physics from rollouts of the true world, observed only as frames (seeded,
     * random pushes, 1-3 balls): what the model "watched" before it is asked to predict.
     */
    public static Calibration calibrate(PhysicsParams truth, long seed, int rollouts, int frames, int frameSize) {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < rollouts; i++) {
            WorldSpec spec = new WorldSpec(seed + i, 1 + i % 3, frameSize, Math.max(1, frames - Episode.CONTEXT),
                    i % 4 == 3 ? ActionScript.SCRIPTED : ActionScript.RANDOM, truth);
            Episode e = Episode.of(spec);
            List<RgbImage> rendered = e.states().stream().map(s -> FrameRenderer.render(s, frameSize)).toList();
            tracks.add(Track.perceived(rendered, e.actions()));
        }
        SystemIdentification.Result r = SystemIdentification.identify(tracks, PhysicsParams.defaults());
        return new Calibration(new ExplicitModel(r.params(), r.radius()), r);
    }

    /** An identified model and the evidence behind it. */
    public record Calibration(ExplicitModel model, SystemIdentification.Result identification) {
    }

    /**
     * The state the model believes in after the context frames: positions from frame 1, velocities
     * from the displacement since frame 0 under the identified physics (and the action a0 between).
     */
    public WorldState perceive(RgbImage f0, RgbImage f1, double[] a0) {
        Perception.Detection[] d0 = Perception.detect(f0);
        Perception.Detection[] d1 = Perception.detect(f1);
        int n = Math.min(Perception.leadingBalls(d0), Perception.leadingBalls(d1));
        if (n == 0) {
            return null;
        }
        double h = BallPhysics.DT;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] vx = new double[n];
        double[] vy = new double[n];
        for (int i = 0; i < n; i++) {
            double ax = BallPhysics.accelX(i, params, a0[0]);
            double ay = BallPhysics.accelY(i, params, a0[1]);
            double v0x = (d1[i].x() - d0[i].x() - 0.5 * ax * h * h) / h;
            double v0y = (d1[i].y() - d0[i].y() - 0.5 * ay * h * h) / h;
            x[i] = clamp(d1[i].x());
            y[i] = clamp(d1[i].y());
            vx[i] = params.retention() * (v0x + ax * h);
            vy[i] = params.retention() * (v0y + ay * h);
        }
        return new WorldState(radius, x, y, vx, vy);
    }

    private double clamp(double v) {
        return Math.max(radius, Math.min(1 - radius, v));
    }

    /**
     * Frames 0..horizon: frame 0 is the last context frame itself, frame k the prediction k steps
     * on. {@code actions[0]} is the action between the context frames, {@code actions[k]} the one
     * that leads to frame k + 1.
     */
    public List<RgbImage> rollout(RgbImage f0, RgbImage f1, double[][] actions, int horizon, Runnable checkpoint) {
        List<RgbImage> out = new ArrayList<>(horizon + 1);
        out.add(f1);
        WorldState s = perceive(f0, f1, actions[0]);
        for (int k = 1; k <= horizon; k++) {
            checkpoint.run();
            if (s == null) {
                out.add(FrameRenderer.empty(f1.width())); // it saw no balls, so it predicts none
                continue;
            }
            s = BallPhysics.step(s, params, actions[k][0], actions[k][1]);
            out.add(FrameRenderer.render(s, radius, f1.width()));
        }
        return out;
    }
}
