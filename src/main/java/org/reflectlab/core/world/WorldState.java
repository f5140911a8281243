package org.reflectlab.core.world;

import java.util.Arrays;

/**
 * Positions and velocities of the balls at one frame (box units, y down). Ball 0 is the one the
 * action pushes. Treated as a value: {@link BallPhysics} returns a new state per step.
 */
public final class WorldState {

    private final double radius;
    final double[] x;
    final double[] y;
    final double[] vx;
    final double[] vy;

    public WorldState(double radius, double[] x, double[] y, double[] vx, double[] vy) {
        int n = x.length;
        if (n < 1 || y.length != n || vx.length != n || vy.length != n) {
            throw new IllegalArgumentException("a state needs the same number (at least 1) of x, y, vx, vy");
        }
        this.radius = radius;
        this.x = x.clone();
        this.y = y.clone();
        this.vx = vx.clone();
        this.vy = vy.clone();
    }

    public int balls() {
        return x.length;
    }

    public double radius() {
        return radius;
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    public double vx(int i) {
        return vx[i];
    }

    public double vy(int i) {
        return vy[i];
    }

    WorldState copy() {
        return new WorldState(radius, x, y, vx, vy);
    }

    /**
     * Kinetic plus potential energy (height above the floor), with the given gravity and mass. The
     * action's work changes it; with no action and no damping, only numerical error does.
     */
    public double energy(double gravity, double mass) {
        double floor = 1 - radius;
        double e = 0;
        for (int i = 0; i < balls(); i++) {
            e += 0.5 * mass * (vx[i] * vx[i] + vy[i] * vy[i]) + mass * gravity * (floor - y[i]);
        }
        return e;
    }

    @Override
    public String toString() {
        return "WorldState" + Arrays.toString(x) + Arrays.toString(y);
    }
}
