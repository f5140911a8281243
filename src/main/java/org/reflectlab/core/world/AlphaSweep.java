package org.reflectlab.core.world;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.reflectlab.core.data.RgbImage;

/**
 * Error and temporal consistency of the hybrid as a function of alpha, on held-out rollouts
 * (seeds no other view uses). Every model runs once per rollout; each alpha only re-blends.
 * The best alpha is the one with the lowest mean frame error.
 */
public final class AlphaSweep {

    /** Seeds of the held-out rollouts start here. */
    public static final long HELDOUT_SEED = 900_000;

    /** Mean over rollouts and steps, for one alpha. */
    public record Point(double alpha, double meanError, double meanDiff, double maxDiff) {
    }

    /** The whole curve; {@code truthDiff} is the true frames' own mean frame-to-frame difference. */
    public record Result(List<Point> points, Point best, double truthDiff, int rollouts, int horizon) {
    }

    private AlphaSweep() {
    }

    public static double[] alphas(int count) {
        if (count < 2 || count > 101) {
            throw new IllegalArgumentException("an alpha sweep needs 2..101 values");
        }
        double[] a = new double[count];
        for (int i = 0; i < count; i++) {
            a[i] = i / (double) (count - 1);
        }
        return a;
    }

    public static Result run(WorldModels models, WorldSpec base, int rollouts, double[] alphas, Runnable checkpoint,
                             Consumer<Point> onPoint) {
        if (!models.hasImplicit()) {
            throw new IllegalStateException("the alpha sweep needs the implicit model: " + models.implicitProblem());
        }
        if (rollouts < 1 || rollouts > 256) {
            throw new IllegalArgumentException("the sweep needs 1..256 held-out rollouts");
        }
        int h = base.horizon();
        List<List<RgbImage>> truth = new ArrayList<>();
        List<List<RgbImage>> explicit = new ArrayList<>();
        List<RgbImage[]> contexts = new ArrayList<>();
        List<double[][]> actions = new ArrayList<>();
        for (int i = 0; i < rollouts; i++) {
            Episode e = Episode.of(base.withSeed(HELDOUT_SEED + i));
            List<RgbImage> f = new ArrayList<>();
            for (WorldState s : e.states()) {
                f.add(FrameRenderer.render(s, base.frameSize()));
            }
            checkpoint.run();
            truth.add(f.subList(1, f.size()));
            explicit.add(models.explicit().rollout(f.get(0), f.get(1), e.actions(), h, checkpoint));
            contexts.add(new RgbImage[] {f.get(0), f.get(1)});
            actions.add(e.actions());
        }
        List<List<RgbImage>> implicit = ImplicitRollouts.run(models.implicit(), contexts, actions, h, checkpoint);
        double truthDiff = 0;
        for (List<RgbImage> t : truth) {
            for (int k = 1; k <= h; k++) {
                truthDiff += RolloutMetrics.mse(t.get(k), t.get(k - 1));
            }
        }
        truthDiff /= rollouts * (double) h;
        List<Point> points = new ArrayList<>();
        Point best = null;
        for (double alpha : alphas) {
            checkpoint.run();
            Point p = measure(alpha, truth, explicit, implicit, h);
            points.add(p);
            onPoint.accept(p);
            if (best == null || p.meanError() < best.meanError()) {
                best = p;
            }
        }
        return new Result(List.copyOf(points), best, truthDiff, rollouts, h);
    }

    private static Point measure(double alpha, List<List<RgbImage>> truth, List<List<RgbImage>> explicit,
                                 List<List<RgbImage>> implicit, int h) {
        double err = 0;
        double diff = 0;
        double maxDiff = 0;
        for (int i = 0; i < truth.size(); i++) {
            RgbImage prev = Hybrid.blend(explicit.get(i).get(0), implicit.get(i).get(0), alpha);
            for (int k = 1; k <= h; k++) {
                RgbImage cur = Hybrid.blend(explicit.get(i).get(k), implicit.get(i).get(k), alpha);
                err += RolloutMetrics.mse(cur, truth.get(i).get(k));
                double d = RolloutMetrics.mse(cur, prev);
                diff += d;
                maxDiff = Math.max(maxDiff, d);
                prev = cur;
            }
        }
        double n = truth.size() * (double) h;
        return new Point(alpha, err / n, diff / n, maxDiff);
    }
}
