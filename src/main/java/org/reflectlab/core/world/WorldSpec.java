package org.reflectlab.core.world;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One rollout's setting: seed, number of balls, frame size, horizon (predicted frames), the
 * action script and the true physics. Every field is checked, so bad settings are refused with a
 * message before any work starts.
 */
public record WorldSpec(long seed, int balls, int frameSize, int horizon, ActionScript script, PhysicsParams physics) {

    public static final int MAX_HORIZON = 600;
    public static final int DEFAULT_HORIZON = 60;

    public static WorldSpec defaults() {
        return new WorldSpec(1, 2, 32, DEFAULT_HORIZON, ActionScript.RANDOM, PhysicsParams.defaults());
    }

    public WorldSpec {
        if (balls < 1 || balls > 3) {
            throw new IllegalArgumentException("number of balls must be 1..3, not " + balls);
        }
        if (frameSize != 32 && frameSize != 64) {
            throw new IllegalArgumentException("frame size must be 32 or 64 pixels, not " + frameSize);
        }
        if (horizon < 1 || horizon > MAX_HORIZON) {
            throw new IllegalArgumentException("horizon must be 1.." + MAX_HORIZON + " frames, not " + horizon);
        }
        if (seed < 0) {
            throw new IllegalArgumentException("seed must be >= 0");
        }
        if (script == null || physics == null) {
            throw new IllegalArgumentException("a rollout needs an action script and physics");
        }
    }

    public WorldSpec withSeed(long s) {
        return new WorldSpec(s, balls, frameSize, horizon, script, physics);
    }

    public WorldSpec withBalls(int n) {
        return new WorldSpec(seed, n, frameSize, horizon, script, physics);
    }

    public WorldSpec withHorizon(int h) {
        return new WorldSpec(seed, balls, frameSize, h, script, physics);
    }

    public WorldSpec withScript(ActionScript a) {
        return new WorldSpec(seed, balls, frameSize, horizon, a, physics);
    }

    public WorldSpec withFrameSize(int size) {
        return new WorldSpec(seed, balls, size, horizon, script, physics);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        m.put("balls", balls);
        m.put("frameSize", frameSize);
        m.put("horizon", horizon);
        m.put("actions", script.key());
        m.put("physics", physics.toMap());
        m.put("radius", BallPhysics.RADIUS);
        m.put("secondsPerFrame", BallPhysics.DT);
        m.put("maxForce", BallPhysics.MAX_FORCE);
        return m;
    }
}
