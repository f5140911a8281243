package org.reflectlab.core.world;

/**
 * One frame of ball physics, event-driven. Between contacts every ball moves exactly under
 * constant acceleration (gravity, plus the action's force on ball 0): x' = x + v t + a t²/2,
 * v' = v + a t. The frame is advanced to the earliest contact (a ball reaching a wall, or two
 * balls touching), the contact is resolved (wall: the normal velocity reverses, times the
 * restitution; two balls of equal mass: they exchange the normal part of their velocities,
 * times the restitution), and so on to the end of the frame. With restitution 1 and no damping,
 * energy is therefore conserved up to rounding. Damping then scales velocities once per frame.
 *
 * <p>The same integrator is the explicit world model: it only needs its parameters identified.
 */
public final class BallPhysics {

    /** Seconds per frame. */
    public static final double DT = 1.0 / 30;
    /** Force of an action of length 1 (box units · mass / s²). */
    public static final double MAX_FORCE = 4.0;
    /** Radius of every ball, in box units. */
    public static final double RADIUS = 0.09;

    private static final double EPS = 1e-12;
    /** Resting stacks could bounce infinitely often; past this many contacts a frame just finishes. */
    private static final int MAX_EVENTS_PER_FRAME = 32;
    private static final int PAIR_SAMPLES = 12;

    private BallPhysics() {
    }

    /** Acceleration of ball i under gravity and, for ball 0, the action (components in [-1, 1]). */
    static double accelX(int ball, PhysicsParams p, double ax) {
        return ball == 0 ? ax * MAX_FORCE / p.mass() : 0;
    }

    static double accelY(int ball, PhysicsParams p, double ay) {
        return p.gravity() + (ball == 0 ? ay * MAX_FORCE / p.mass() : 0);
    }

    public static WorldState step(WorldState s, PhysicsParams p, double ax, double ay) {
        WorldState n = s.copy();
        new Frame(n, p, ax, ay).run();
        return n;
    }

    /** The mutable work of one frame. */
    private static final class Frame {
        private final WorldState s;
        private final int balls;
        private final double e;
        private final double lo;
        private final double hi;
        private final double[] accX;
        private final double[] accY;
        private final boolean[] restX;
        private final boolean[] restY;
        private final double keep;

        Frame(WorldState s, PhysicsParams p, double ax, double ay) {
            this.s = s;
            this.balls = s.balls();
            this.e = p.restitution();
            this.lo = s.radius();
            this.hi = 1 - s.radius();
            this.keep = p.retention();
            accX = new double[balls];
            accY = new double[balls];
            restX = new boolean[balls];
            restY = new boolean[balls];
            for (int i = 0; i < balls; i++) {
                accX[i] = accelX(i, p, ax);
                accY[i] = accelY(i, p, ay);
            }
        }

        void run() {
            double left = DT;
            for (int events = 0; left > 0 && events < MAX_EVENTS_PER_FRAME; events++) {
                double tau = left;
                int ball = -1;
                int other = -1;
                boolean xAxis = false;
                for (int i = 0; i < balls; i++) {
                    double tx = restX[i] ? Double.POSITIVE_INFINITY : hitTime(s.x[i], s.vx[i], ax(i), lo, hi, tau);
                    if (tx < tau) {
                        tau = tx;
                        ball = i;
                        other = -1;
                        xAxis = true;
                    }
                    double ty = restY[i] ? Double.POSITIVE_INFINITY : hitTime(s.y[i], s.vy[i], ay(i), lo, hi, tau);
                    if (ty < tau) {
                        tau = ty;
                        ball = i;
                        other = -1;
                        xAxis = false;
                    }
                }
                for (int i = 0; i < balls; i++) {
                    for (int j = i + 1; j < balls; j++) {
                        double tc = contactTime(i, j, tau);
                        if (tc < tau) {
                            tau = tc;
                            ball = i;
                            other = j;
                        }
                    }
                }
                moveAll(tau);
                left -= tau;
                if (ball < 0) {
                    break;
                }
                if (other >= 0) {
                    bounce(ball, other);
                } else {
                    wall(ball, xAxis);
                }
            }
            if (left > 0) {
                moveAll(left);
            }
            for (int i = 0; i < balls; i++) {
                s.vx[i] *= keep;
                s.vy[i] *= keep;
                s.x[i] = Math.max(lo, Math.min(hi, s.x[i]));
                s.y[i] = Math.max(lo, Math.min(hi, s.y[i]));
            }
            separateOverlaps();
        }

        private double ax(int i) {
            return restX[i] ? 0 : accX[i];
        }

        private double ay(int i) {
            return restY[i] ? 0 : accY[i];
        }

        private void moveAll(double t) {
            for (int i = 0; i < balls; i++) {
                double ax = ax(i);
                double ay = ay(i);
                s.x[i] += s.vx[i] * t + 0.5 * ax * t * t;
                s.y[i] += s.vy[i] * t + 0.5 * ay * t * t;
                s.vx[i] += ax * t;
                s.vy[i] += ay * t;
            }
        }

        private void wall(int i, boolean xAxis) {
            if (xAxis) {
                s.x[i] = s.x[i] < 0.5 ? lo : hi;
                s.vx[i] = -e * s.vx[i];
                restX[i] = resting(s.x[i] == lo, s.vx[i], accX[i]);
                if (restX[i]) {
                    s.vx[i] = 0;
                }
            } else {
                s.y[i] = s.y[i] < 0.5 ? lo : hi;
                s.vy[i] = -e * s.vy[i];
                restY[i] = resting(s.y[i] == lo, s.vy[i], accY[i]);
                if (restY[i]) {
                    s.vy[i] = 0;
                }
            }
        }

        /**
         * A ball that leaves a wall too slowly to get anywhere before its acceleration pushes it
         * back rests on it for the rest of the frame (the wall's normal force cancels the
         * acceleration), instead of bouncing infinitely often.
         */
        private static boolean resting(boolean atLow, double v, double a) {
            boolean pushedIn = atLow ? a < 0 : a > 0;
            return pushedIn && Math.abs(v) < 0.5 * Math.abs(a) * DT;
        }

        private void bounce(int i, int j) {
            double nx = s.x[j] - s.x[i];
            double ny = s.y[j] - s.y[i];
            double len = Math.max(Math.hypot(nx, ny), 1e-12);
            nx /= len;
            ny /= len;
            double approach = (s.vx[j] - s.vx[i]) * nx + (s.vy[j] - s.vy[i]) * ny;
            if (approach < 0) {
                double k = 0.5 * (1 + e) * approach;
                s.vx[i] += k * nx;
                s.vy[i] += k * ny;
                s.vx[j] -= k * nx;
                s.vy[j] -= k * ny;
            }
            restX[i] = restY[i] = restX[j] = restY[j] = false;
        }

        /** When balls i and j, moving freely, first touch while approaching, within limit; else +infinity. */
        private double contactTime(int i, int j, double limit) {
            double dx = s.x[j] - s.x[i];
            double dy = s.y[j] - s.y[i];
            double wx = s.vx[j] - s.vx[i];
            double wy = s.vy[j] - s.vy[i];
            double gx = ax(j) - ax(i);
            double gy = ay(j) - ay(i);
            double touch2 = 4 * s.radius() * s.radius();
            if (dx * dx + dy * dy <= touch2) {
                return dx * wx + dy * wy < 0 ? 0 : Double.POSITIVE_INFINITY;
            }
            if (gx == 0 && gy == 0) {
                // relative motion is linear: a quadratic in t
                double a = wx * wx + wy * wy;
                double b = 2 * (dx * wx + dy * wy);
                double c = dx * dx + dy * dy - touch2;
                double disc = b * b - 4 * a * c;
                if (a < 1e-18 || b >= 0 || disc < 0) {
                    return Double.POSITIVE_INFINITY;
                }
                double t = (-b - Math.sqrt(disc)) / (2 * a);
                return t > EPS && t <= limit ? t : Double.POSITIVE_INFINITY;
            }
            // relative acceleration (the pushed ball): find the first touch by sampling, then bisection
            double prev = 0;
            for (int k = 1; k <= PAIR_SAMPLES; k++) {
                double t = limit * k / PAIR_SAMPLES;
                if (gap(dx, dy, wx, wy, gx, gy, t, touch2) <= 0) {
                    double a = prev;
                    double b = t;
                    for (int it = 0; it < 50; it++) {
                        double m = 0.5 * (a + b);
                        if (gap(dx, dy, wx, wy, gx, gy, m, touch2) <= 0) {
                            b = m;
                        } else {
                            a = m;
                        }
                    }
                    return Math.max(a, EPS);
                }
                prev = t;
            }
            return Double.POSITIVE_INFINITY;
        }

        private static double gap(double dx, double dy, double wx, double wy, double gx, double gy, double t, double touch2) {
            double px = dx + wx * t + 0.5 * gx * t * t;
            double py = dy + wy * t + 0.5 * gy * t * t;
            return px * px + py * py - touch2;
        }

        /** Balls still overlapping (placed so, or missed between samples) are pushed apart and bounced. */
        private void separateOverlaps() {
            double touch = 2 * s.radius();
            for (int i = 0; i < balls; i++) {
                for (int j = i + 1; j < balls; j++) {
                    double dx = s.x[j] - s.x[i];
                    double dy = s.y[j] - s.y[i];
                    double d = Math.hypot(dx, dy);
                    if (d >= touch - 1e-9) {
                        continue;
                    }
                    double nx = d < 1e-12 ? 1 : dx / d;
                    double ny = d < 1e-12 ? 0 : dy / d;
                    double push = 0.5 * (touch - d);
                    s.x[i] = Math.max(lo, Math.min(hi, s.x[i] - push * nx));
                    s.y[i] = Math.max(lo, Math.min(hi, s.y[i] - push * ny));
                    s.x[j] = Math.max(lo, Math.min(hi, s.x[j] + push * nx));
                    s.y[j] = Math.max(lo, Math.min(hi, s.y[j] + push * ny));
                    bounce(i, j);
                }
            }
        }
    }

    /**
     * Earliest time in [0, limit] at which p + v t + a t²/2 reaches lo (moving down) or hi (moving
     * up), or +infinity. A ball sitting on a wall and pushed into it hits at once (time 0).
     */
    static double hitTime(double p, double v, double a, double lo, double hi, double limit) {
        if ((p >= hi - EPS && (v > 0 || (v == 0 && a > 0))) || (p <= lo + EPS && (v < 0 || (v == 0 && a < 0)))) {
            return 0;
        }
        return Math.min(crossing(p - hi, v, a, limit, +1), crossing(p - lo, v, a, limit, -1));
    }

    /** Smallest t in (0, limit] with c + v t + a t²/2 = 0 where the motion heads in {@code direction}. */
    private static double crossing(double c, double v, double a, double limit, int direction) {
        double best = Double.POSITIVE_INFINITY;
        double[] roots;
        if (Math.abs(a) < 1e-15) {
            roots = Math.abs(v) < 1e-15 ? new double[0] : new double[] {-c / v};
        } else {
            double disc = v * v - 2 * a * c;
            if (disc < 0) {
                return best;
            }
            double q = -(v + Math.copySign(Math.sqrt(disc), v));
            roots = q == 0 ? new double[] {0} : new double[] {q / a, 2 * c / q};
        }
        for (double t : roots) {
            if (t > EPS && t <= limit && (v + a * t) * direction > 0 && t < best) {
                best = t;
            }
        }
        return best;
    }
}
