package org.reflectlab.core.concepts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.Patches;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.text.Phrase;

/**
 * Codebook size against reconstruction error: one codebook per size, learned on training patches,
 * scored on held-out images' patches. The lecture states MSE ~ 1/sqrt(|codebook|); the measured
 * log-log slopes say where that holds (a slope near -0.5) and where it does not.
 */
public final class VqSweep {

    /** Held-out images come from this ShapesWorld index on (training ones from 0). */
    public static final long HELDOUT_FROM = 1_000_000;

    public record Settings(long seed, List<Integer> sizes, int trainImages, int testImages, int patch, int iterations,
                           int batch, double budgetSeconds) {

        public static Settings defaults(long seed) {
            return new Settings(seed, List.of(512, 1024, 2048, 4096, 8192, 16384), 1500, 200, 4, 80, 1024, 20);
        }

        public Settings {
            sizes = List.copyOf(sizes);
            if (sizes.isEmpty() || sizes.stream().anyMatch(k -> k < 1 || k > 65_536)) {
                throw new IllegalArgumentException("codebook sizes must be 1..65536");
            }
            if (trainImages < 1 || testImages < 1 || iterations < 1 || batch < 1 || !(budgetSeconds > 0)) {
                throw new IllegalArgumentException("images, iterations, batch and budget must be positive");
            }
            if (DataSpec.DEFAULT_IMAGE_SIZE % patch != 0) {
                throw new IllegalArgumentException("patch must divide " + DataSpec.DEFAULT_IMAGE_SIZE);
            }
        }
    }

    /** One codebook size: held-out MSE per value, codes used on held-out patches, how training went. */
    public record Point(int size, double mse, int usedCodes, int iterations, int plannedIterations, double seconds,
                        boolean outOfTime, List<RgbImage> reconstructions) {
    }

    public record Result(Settings settings, int trainPatches, int distinctTrainPatches, List<Point> points,
                         List<RgbImage> originals) {

        /** Least-squares slope of log MSE against log size (the lecture's law says -0.5). */
        public double slope() {
            int n = points.size();
            if (n < 2) {
                return Double.NaN;
            }
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double sxy = 0;
            for (Point p : points) {
                double x = Math.log(p.size());
                double y = Math.log(p.mse());
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
            }
            return (n * sxy - sx * sy) / (n * sxx - sx * sx);
        }

        /** Slope between neighbouring sizes i-1 and i. */
        public double localSlope(int i) {
            Point a = points.get(i - 1);
            Point b = points.get(i);
            return Math.log(b.mse() / a.mse()) / Math.log((double) b.size() / a.size());
        }

        /** The 1/sqrt(K) reference through the first measured point. */
        public double reference(int size) {
            Point first = points.get(0);
            return first.mse() * Math.sqrt((double) first.size() / size);
        }

        public List<Phrase> verdicts() {
            List<Phrase> out = new ArrayList<>();
            for (int i = 1; i < points.size(); i++) {
                double s = localSlope(i);
                Phrase verdict = new Phrase(Math.abs(s + 0.5) <= 0.15 ? "concepts.table.vq.holds"
                        : s > -0.35 ? "concepts.table.vq.slower" : "concepts.table.vq.faster");
                Point p = points.get(i);
                Phrase why = p.usedCodes() < 0.5 * p.size() ? new Phrase("concepts.table.vq.few-codes", p.usedCodes(), p.size()) : Phrase.none();
                Phrase time = p.outOfTime() ? new Phrase("concepts.table.vq.out-of-time", p.iterations(), p.plannedIterations())
                        : Phrase.none();
                out.add(new Phrase("concepts.table.vq.verdict", points.get(i - 1).size(), p.size(), s, verdict, why, time));
            }
            return out;
        }

        /** The table's lines: sentences as phrases (the app translates them), the fixed-width columns as the CLI prints them. */
        public List<Phrase> table() {
            List<Phrase> out = new ArrayList<>();
            out.add(new Phrase("concepts.table.vq.title", settings.patch(), settings.patch(), trainPatches, distinctTrainPatches,
                    settings.testImages(), settings.seed()));
            out.add(Phrase.literal(String.format(Locale.ROOT, "%7s %12s %14s %11s %9s %8s", "K", "held-out MSE", "1/sqrt(K) ref", "codes used",
                    "batches", "seconds")));
            for (Point p : points) {
                out.add(Phrase.literal(String.format(Locale.ROOT, "%7d %12.6f %14.6f %11d %4d/%-4d %8.1f", p.size(), p.mse(), reference(p.size()),
                        p.usedCodes(), p.iterations(), p.plannedIterations(), p.seconds())));
            }
            out.add(new Phrase("concepts.table.vq.slope", slope()));
            out.addAll(verdicts());
            return out;
        }
    }

    private VqSweep() {
    }

    public static Result run(Settings s, int shown, Progress progress) {
        ShapesWorld world = new ShapesWorld(DataSpec.defaults(s.seed()));
        float[] train = patches(world, 0, s.trainImages(), s.patch());
        float[] test = patches(world, HELDOUT_FROM, s.testImages(), s.patch());
        int dim = Patches.tokenWidth(s.patch());
        int perImage = Patches.tokens(DataSpec.DEFAULT_IMAGE_SIZE, s.patch()) * dim;
        int show = Math.min(shown, s.testImages());
        List<RgbImage> originals = new ArrayList<>();
        for (int i = 0; i < show; i++) {
            originals.add(world.image(HELDOUT_FROM + i));
        }
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < s.sizes().size(); i++) {
            int k = s.sizes().get(i);
            int at = i;
            Progress inner = new Progress() {
                @Override
                public void update(double done, double total, Phrase message) {
                    progress.update(at + done / total, s.sizes().size(), message);
                }

                @Override
                public boolean cancelled() {
                    return progress.cancelled();
                }
            };
            Codebook.Training t = Codebook.learn(train, dim, k, s.iterations(), s.batch(), s.budgetSeconds(), s.seed() + k, inner);
            double[] mse = t.codebook().meanSquaredError(test);
            List<RgbImage> recon = new ArrayList<>();
            if (show > 0) {
                float[] q = t.codebook().quantise(java.util.Arrays.copyOf(test, show * perImage));
                for (int j = 0; j < show; j++) {
                    recon.add(Patches.fromPatches(q, j * perImage, DataSpec.DEFAULT_IMAGE_SIZE, s.patch()));
                }
            }
            points.add(new Point(k, mse[0], (int) mse[1], t.iterations(), t.plannedIterations(), t.seconds(), t.outOfTime(), recon));
        }
        return new Result(s, train.length / dim, distinct(train, dim), points, originals);
    }

    static float[] patches(ShapesWorld world, long first, int images, int patch) {
        int per = Patches.tokens(DataSpec.DEFAULT_IMAGE_SIZE, patch) * Patches.tokenWidth(patch);
        float[] out = new float[images * per];
        for (int i = 0; i < images; i++) {
            Patches.toPatches(world.image(first + i), patch, out, i * per);
        }
        return out;
    }

    static int distinct(float[] data, int dim) {
        java.util.Set<java.nio.FloatBuffer> seen = new java.util.HashSet<>();
        for (int i = 0; i < data.length / dim; i++) {
            seen.add(java.nio.FloatBuffer.wrap(data, i * dim, dim).slice());
        }
        return seen.size();
    }
}
