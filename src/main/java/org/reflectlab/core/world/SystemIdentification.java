package org.reflectlab.core.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Identifies the explicit model's physics from observed tracks, by least squares.
 *
 * <p>In free flight the integrator gives, for three consecutive positions with displacements
 * d1 = x[k+1] - x[k] and d2 = x[k+2] - x[k+1] and forces F (action x max force, ball 0 only):
 * d2 = ρ d1 + ½h²(1+ρ) g [y axis] + ½h²μ (ρ F[k] + F[k+1]), with ρ the velocity kept per frame
 * and μ = 1/mass. That is linear in (ρ, ½h²(1+ρ)g, ½h²μρ, ½h²μ), so one linear least-squares
 * solve over every contact-free triple gives damping, gravity and mass. Restitution then
 * minimises the squared position error of short windows that contain a wall bounce,
 * re-simulated with the identified parameters (a one-dimensional least squares).
 */
public final class SystemIdentification {

    /** What was found and how much evidence it rests on. */
    public record Result(PhysicsParams params, double radius, int flightRows, int bounceWindows, boolean massIdentified,
                         double residualRms) {

        public String summary() {
            return String.format(Locale.ROOT, "%s (radius %.4f; %d free-flight rows, %d bounce windows%s; residual %.2e)",
                    params, radius, flightRows, bounceWindows, massIdentified ? "" : ", mass not identifiable without actions",
                    residualRms);
        }
    }

    private static final int WINDOW = 8;
    private static final double H = BallPhysics.DT;

    private SystemIdentification() {
    }

    /**
     * @param prior used for what the data cannot show (mass when no action was ever applied,
     *              restitution when no ball bounced off a wall)
     */
    public static Result identify(List<Track> tracks, PhysicsParams prior) {
        if (tracks.isEmpty()) {
            throw new IllegalArgumentException("no tracks to identify physics from");
        }
        double radius = tracks.stream().mapToDouble(Track::radius).average().orElse(BallPhysics.RADIUS);
        double margin = margin(tracks);
        List<double[]> rows = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        boolean forces = false;
        for (Track t : tracks) {
            for (int i = 0; i < t.balls(); i++) {
                for (int k = 0; k + 2 < t.frames(); k++) {
                    if (!free(t, i, k, radius, margin) || !free(t, i, k + 1, radius, margin) || !free(t, i, k + 2, radius, margin)) {
                        continue;
                    }
                    double fx0 = i == 0 ? t.actions()[k][0] * BallPhysics.MAX_FORCE : 0;
                    double fx1 = i == 0 ? t.actions()[k + 1][0] * BallPhysics.MAX_FORCE : 0;
                    double fy0 = i == 0 ? t.actions()[k][1] * BallPhysics.MAX_FORCE : 0;
                    double fy1 = i == 0 ? t.actions()[k + 1][1] * BallPhysics.MAX_FORCE : 0;
                    forces |= fx0 != 0 || fx1 != 0 || fy0 != 0 || fy1 != 0;
                    rows.add(new double[] {t.x()[k + 1][i] - t.x()[k][i], 0, fx0, fx1});
                    targets.add(t.x()[k + 2][i] - t.x()[k + 1][i]);
                    rows.add(new double[] {t.y()[k + 1][i] - t.y()[k][i], 1, fy0, fy1});
                    targets.add(t.y()[k + 2][i] - t.y()[k + 1][i]);
                }
            }
        }
        if (rows.size() < 8) {
            throw new IllegalArgumentException("too few contact-free observations (" + rows.size() / 2
                    + ") to identify the physics; observe longer or more rollouts");
        }
        int cols = forces ? 4 : 2;
        double[][] a = new double[rows.size()][cols];
        double[] b = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, a[r], 0, cols);
            b[r] = targets.get(r);
        }
        Array2DRowRealMatrix m = new Array2DRowRealMatrix(a, false);
        RealVector theta = new QRDecomposition(m).getSolver().solve(new ArrayRealVector(b, false));
        double residual = m.operate(theta).subtract(new ArrayRealVector(b, false)).getNorm() / Math.sqrt(b.length);
        double rho = clamp(theta.getEntry(0), 0.5, 1);
        double gravity = clamp(2 * theta.getEntry(1) / (H * H * (1 + rho)), 0, 20);
        double mass = prior.mass();
        if (forces) {
            double mu = 2 * (theta.getEntry(2) + theta.getEntry(3)) / (H * H * (1 + rho));
            mass = mu > 0 ? clamp(1 / mu, 0.05, 20) : prior.mass();
        }
        PhysicsParams flight = new PhysicsParams(gravity, prior.restitution(), 1 - rho, mass);
        List<Window> windows = bounceWindows(tracks, flight, radius, margin);
        double restitution = windows.isEmpty() ? prior.restitution() : fitRestitution(windows, flight, radius);
        return new Result(flight.withRestitution(restitution), radius, rows.size() / 2, windows.size(), forces, residual);
    }

    /** How far from walls and other balls a position must be for the next frame to be contact-free. */
    private static double margin(List<Track> tracks) {
        double max = 0;
        for (Track t : tracks) {
            for (int k = 0; k + 1 < t.frames(); k++) {
                for (int i = 0; i < t.balls(); i++) {
                    if (t.seen(k, i) && t.seen(k + 1, i)) {
                        max = Math.max(max, Math.abs(t.x()[k + 1][i] - t.x()[k][i]));
                        max = Math.max(max, Math.abs(t.y()[k + 1][i] - t.y()[k][i]));
                    }
                }
            }
        }
        return 1.5 * max + 0.003;
    }

    private static boolean free(Track t, int i, int k, double radius, double margin) {
        if (!t.seen(k, i)) {
            return false;
        }
        double x = t.x()[k][i];
        double y = t.y()[k][i];
        double lo = radius + margin;
        double hi = 1 - radius - margin;
        if (x < lo || x > hi || y < lo || y > hi) {
            return false;
        }
        return clearOfOthers(t, i, k, radius, margin);
    }

    private static boolean clearOfOthers(Track t, int i, int k, double radius, double margin) {
        for (int j = 0; j < t.balls(); j++) {
            if (j != i && t.seen(k, j)
                    && Math.hypot(t.x()[k][j] - t.x()[k][i], t.y()[k][j] - t.y()[k][i]) < 2 * radius + 2 * margin) {
                return false;
            }
        }
        return true;
    }

    /** A ball's observed positions over a few frames that include a wall bounce, from a known start. */
    private record Window(WorldState start, double[][] actions, double[] x, double[] y) {
    }

    private static List<Window> bounceWindows(List<Track> tracks, PhysicsParams p, double radius, double margin) {
        List<Window> out = new ArrayList<>();
        for (Track t : tracks) {
            for (int i = 0; i < t.balls(); i++) {
                int j = 0;
                while (j + 1 + WINDOW < t.frames()) {
                    Window w = window(t, i, j, p, radius, margin);
                    if (w != null) {
                        out.add(w);
                        j += WINDOW;
                    } else {
                        j++;
                    }
                }
            }
        }
        return out;
    }

    private static Window window(Track t, int i, int j, PhysicsParams p, double radius, double margin) {
        if (!free(t, i, j, radius, margin) || !free(t, i, j + 1, radius, margin)) {
            return null;
        }
        for (int k = j + 1; k <= j + 1 + WINDOW; k++) {
            if (!t.seen(k, i) || !clearOfOthers(t, i, k, radius, margin)) {
                return null;
            }
        }
        double[] a = i == 0 ? t.actions()[j] : new double[2];
        double ax = BallPhysics.accelX(0, p, a[0]);
        double ay = BallPhysics.accelY(0, p, a[1]);
        // velocity at j from the free step j -> j+1, then at j+1 as the integrator would have it
        double vx = (t.x()[j + 1][i] - t.x()[j][i] - 0.5 * ax * H * H) / H;
        double vy = (t.y()[j + 1][i] - t.y()[j][i] - 0.5 * ay * H * H) / H;
        vx = p.retention() * (vx + ax * H);
        vy = p.retention() * (vy + ay * H);
        WorldState start = new WorldState(radius, new double[] {t.x()[j + 1][i]}, new double[] {t.y()[j + 1][i]},
                new double[] {vx}, new double[] {vy});
        double[][] actions = new double[WINDOW][2];
        for (int s = 0; s < WINDOW; s++) {
            actions[s] = i == 0 ? t.actions()[j + 1 + s] : new double[2];
        }
        double[] x = new double[WINDOW];
        double[] y = new double[WINDOW];
        for (int s = 0; s < WINDOW; s++) {
            x[s] = t.x()[j + 2 + s][i];
            y[s] = t.y()[j + 2 + s][i];
        }
        Window w = new Window(start, actions, x, y);
        boolean bounces = Math.abs(error(w, p.withRestitution(0.3)) - error(w, p.withRestitution(1.0))) > 1e-12;
        return bounces ? w : null;
    }

    private static double fitRestitution(List<Window> windows, PhysicsParams p, double radius) {
        double lo = 0;
        double hi = 1;
        double phi = (Math.sqrt(5) - 1) / 2;
        double c = hi - phi * (hi - lo);
        double d = lo + phi * (hi - lo);
        double fc = total(windows, p.withRestitution(c));
        double fd = total(windows, p.withRestitution(d));
        for (int it = 0; it < 60; it++) {
            if (fc < fd) {
                hi = d;
                d = c;
                fd = fc;
                c = hi - phi * (hi - lo);
                fc = total(windows, p.withRestitution(c));
            } else {
                lo = c;
                c = d;
                fc = fd;
                d = lo + phi * (hi - lo);
                fd = total(windows, p.withRestitution(d));
            }
        }
        return (lo + hi) / 2;
    }

    private static double total(List<Window> windows, PhysicsParams p) {
        double sum = 0;
        for (Window w : windows) {
            sum += error(w, p);
        }
        return sum;
    }

    private static double error(Window w, PhysicsParams p) {
        WorldState s = w.start();
        double sum = 0;
        for (int k = 0; k < WINDOW; k++) {
            s = BallPhysics.step(s, p, w.actions()[k][0], w.actions()[k][1]);
            double dx = s.x(0) - w.x()[k];
            double dy = s.y(0) - w.y()[k];
            sum += dx * dx + dy * dy;
        }
        return sum;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
