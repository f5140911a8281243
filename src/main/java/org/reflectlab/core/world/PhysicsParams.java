package org.reflectlab.core.world;

import java.util.Locale;
import java.util.Map;
import org.reflectlab.core.store.ConfigJson;

/**
 * The physical constants of the ball world, in box units (the box is 1 x 1, y points down) and
 * seconds. {@code damping} is the fraction of velocity lost per frame; {@code mass} scales how
 * strongly the action's force moves the controllable ball.
 */
public record PhysicsParams(double gravity, double restitution, double damping, double mass) {

    public static PhysicsParams defaults() {
        return new PhysicsParams(3.0, 0.85, 0.004, 1.0);
    }

    public PhysicsParams {
        check(Double.isFinite(gravity) && gravity >= 0 && gravity <= 20, "gravity must be 0..20 box units/s²");
        check(Double.isFinite(restitution) && restitution >= 0 && restitution <= 1, "restitution must be 0..1");
        check(Double.isFinite(damping) && damping >= 0 && damping <= 0.5, "damping must be 0..0.5 per frame");
        check(Double.isFinite(mass) && mass >= 0.05 && mass <= 20, "mass must be 0.05..20");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Velocity kept per frame. */
    public double retention() {
        return 1 - damping;
    }

    public PhysicsParams withDamping(double d) {
        return new PhysicsParams(gravity, restitution, d, mass);
    }

    public PhysicsParams withRestitution(double e) {
        return new PhysicsParams(gravity, e, damping, mass);
    }

    public Map<String, Object> toMap() {
        return ConfigJson.toMap(this);
    }

    public static PhysicsParams fromMap(Map<String, Object> m) {
        return ConfigJson.fromMap(m, PhysicsParams.class, "physics parameters lack '%s'");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "gravity %.3f, restitution %.3f, damping %.4f, mass %.3f",
                gravity, restitution, damping, mass);
    }
}
