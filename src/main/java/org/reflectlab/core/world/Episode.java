package org.reflectlab.core.world;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A ground-truth rollout: the states of the true simulator and the actions that drove it.
 * Frame t is state t; action t moves state t to t + 1. The first two frames are the context
 * every world model starts from; steps 1..horizon after the second are what they predict.
 */
public final class Episode {

    /** Frames a model sees before it predicts: two, so velocities are observable. */
    public static final int CONTEXT = 2;

    private final List<WorldState> states;
    private final double[][] actions;

    private Episode(List<WorldState> states, double[][] actions) {
        this.states = Collections.unmodifiableList(states);
        this.actions = actions;
    }

    /** The episode of a spec: horizon + 2 frames, seeded initial state and actions. */
    public static Episode of(WorldSpec spec) {
        SplittableRandom rng = new SplittableRandom(spec.seed() * 0x9E3779B97F4A7C15L + spec.balls());
        WorldState start = randomState(spec.balls(), rng);
        double[][] actions = spec.script().generate(spec.seed(), spec.horizon() + CONTEXT);
        return simulate(start, spec.physics(), actions, spec.horizon() + CONTEXT);
    }

    /** Runs the true simulator from a state for frames - 1 steps. */
    public static Episode simulate(WorldState start, PhysicsParams p, double[][] actions, int frames) {
        List<WorldState> states = new ArrayList<>(frames);
        states.add(start);
        for (int t = 1; t < frames; t++) {
            double[] a = actions[t - 1];
            states.add(BallPhysics.step(states.get(t - 1), p, a[0], a[1]));
        }
        return new Episode(states, actions);
    }

    /** Non-overlapping balls at random places with random velocities (box units per second). */
    public static WorldState randomState(int balls, SplittableRandom rng) {
        double r = BallPhysics.RADIUS;
        double[] x = new double[balls];
        double[] y = new double[balls];
        double[] vx = new double[balls];
        double[] vy = new double[balls];
        for (int i = 0; i < balls; i++) {
            boolean placed = false;
            for (int attempt = 0; attempt < 1000 && !placed; attempt++) {
                x[i] = rng.nextDouble(r, 1 - r);
                y[i] = rng.nextDouble(r, 1 - r);
                placed = true;
                for (int j = 0; j < i; j++) {
                    if (Math.hypot(x[i] - x[j], y[i] - y[j]) < 2 * r + 0.02) {
                        placed = false;
                    }
                }
            }
            vx[i] = rng.nextDouble(-1.2, 1.2);
            vy[i] = rng.nextDouble(-1.2, 1.2);
        }
        return new WorldState(r, x, y, vx, vy);
    }

    public int frames() {
        return states.size();
    }

    public WorldState state(int t) {
        return states.get(t);
    }

    public List<WorldState> states() {
        return states;
    }

    /** Action t (fx, fy), applied from frame t to t + 1. */
    public double[] action(int t) {
        return actions[t];
    }

    public double[][] actions() {
        return actions;
    }
}
