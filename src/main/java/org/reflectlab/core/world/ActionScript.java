package org.reflectlab.core.world;

import java.util.Locale;
import java.util.SplittableRandom;

/** How the controllable ball is pushed during a rollout. Actions are (fx, fy) in [-1, 1]². */
public enum ActionScript {
    /** No force: a free fall-and-bounce rollout. */
    NONE("none"),
    /** A seeded random push held for a few frames at a time, sometimes none. */
    RANDOM("random"),
    /** A fixed pattern: right, rest, up, rest, left, rest, down, rest (12 frames each). */
    SCRIPTED("scripted");

    private static final int HOLD = 8;
    private static final int SCRIPT_PHASE = 12;

    private final String key;

    ActionScript(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static ActionScript parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        for (ActionScript a : values()) {
            if (a.key.equals(k)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown action script '" + s + "'; choose none, random or scripted");
    }

    /** n actions; the same seed gives the same actions. */
    public double[][] generate(long seed, int n) {
        double[][] out = new double[n][2];
        switch (this) {
            case NONE -> {
            }
            case RANDOM -> {
                SplittableRandom r = new SplittableRandom(seed * 0x5DEECE66DL + 11);
                double fx = 0;
                double fy = 0;
                for (int t = 0; t < n; t++) {
                    if (t % HOLD == 0) {
                        boolean rest = r.nextDouble() < 0.3;
                        fx = rest ? 0 : r.nextDouble(-1, 1);
                        fy = rest ? 0 : r.nextDouble(-1, 1);
                    }
                    out[t][0] = fx;
                    out[t][1] = fy;
                }
            }
            case SCRIPTED -> {
                double[][] pattern = {{1, 0}, {0, 0}, {0, -1}, {0, 0}, {-1, 0}, {0, 0}, {0, 1}, {0, 0}};
                for (int t = 0; t < n; t++) {
                    double[] a = pattern[(t / SCRIPT_PHASE) % pattern.length];
                    out[t][0] = a[0];
                    out[t][1] = a[1];
                }
            }
            default -> throw new IllegalStateException();
        }
        return out;
    }

    @Override
    public String toString() {
        return key;
    }
}
