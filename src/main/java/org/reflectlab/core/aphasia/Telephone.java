package org.reflectlab.core.aphasia;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Sample;
import org.reflectlab.core.data.Scene;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.nn.detector.SceneReader;
import org.reflectlab.core.nn.unified.UnifiedModel;

/**
 * Telephone (the game, with a model in every seat): a held-out scene goes image -> the caption the
 * model reads -> the image it draws from that caption -> the caption it reads off that drawing ...
 * for N rounds; beside it the same number of rounds through the image latent alone (image -> latent
 * -> image). Every frame is scored against the TRUE scene as the round trip scores it (the judge for
 * shape/color/size/position/count, the pixel blob reader for fine position against the original),
 * so a curve per attribute shows what each path loses, and in which round.
 *
 * <p>Runs on the calling thread; the model and the judge must be owned by it.
 */
public final class Telephone {

    /** The two ways a picture can be passed on. */
    public enum Path {
        WORDS("through words", "image -> caption read by the model -> image drawn from the parsed caption"),
        LATENT("through the image latent", "image -> image latent -> image decoder");

        private final String label;
        private final String description;

        Path(String label, String description) {
            this.label = label;
            this.description = description;
        }

        public String label() {
            return label;
        }

        public String description() {
            return description;
        }
    }

    /** What the curves follow (pixels are left out: every frame's pixels stay within a few per cent). */
    public static final List<Metric> ATTRIBUTES = List.of(Metric.FINE, Metric.SHAPE, Metric.SIZE, Metric.POSITION, Metric.COUNT,
            Metric.COLOR);

    /** A mean falling below this share of its round-0 value counts as lost (for the order in which things go). */
    public static final double LOST_SHARE = 0.9;

    public static final int MAX_ROUNDS = 20;
    public static final int MAX_SCENES = 2000;
    /** Chains whose frames are kept (to look at); the scores of all chains make the curves. */
    public static final int FRAMES_KEPT = 24;

    /** Held-out scenes as in the round trip (ShapesWorld seed {@link AphasiaSettings#HELDOUT_SEED_BASE} + seed). */
    public record Settings(long seed, int scenes, int rounds, int resamples) {
        public Settings {
            if (scenes < 2 || scenes > MAX_SCENES) {
                throw new IllegalArgumentException("scenes must be 2.." + MAX_SCENES + ", not " + scenes);
            }
            if (rounds < 1 || rounds > MAX_ROUNDS) {
                throw new IllegalArgumentException("rounds must be 1.." + MAX_ROUNDS + ", not " + rounds);
            }
            new AphasiaSettings(seed, 2, resamples); // the same checks on the seed and the resamples
        }

        public static Settings of(long seed, int scenes, int rounds) {
            return new Settings(seed, scenes, rounds, AphasiaSettings.DEFAULT_RESAMPLES);
        }

        public long dataSeed() {
            return AphasiaSettings.HELDOUT_SEED_BASE + seed;
        }
    }

    /**
     * One frame of a chain: what was said (for the words path; "" through the latent), the image, what the judge saw,
     * the scores (by {@link Metric#ordinal()}) and what was lost since the frame before.
     */
    public record Frame(String caption, boolean parsed, RgbImage image, List<SceneObject> seen, double[] scores, List<String> lost) {
    }

    /** One scene's chains; frame 0 of each path is the original as the judge reads it. */
    public record Chain(long index, Scene truth, String trueCaption, List<Frame> words, List<Frame> latent) {
        public List<Frame> of(Path path) {
            return path == Path.WORDS ? words : latent;
        }
    }

    /**
     * The result: kept chains, and per path, round (0 = the original) and metric the mean over all scenes with its
     * bootstrap interval ({@code curve[path][round][metric]}); per round, the captions that did not parse and those
     * that differ from the round before's (round 1: from the true description).
     */
    public record Result(Settings settings, String model, String modelSha, List<Chain> chains,
                         MetricSummary.Interval[][][] curve, int[] unparsed, int[] changed, double seconds) {

        public MetricSummary.Interval at(Path path, int round, Metric metric) {
            return curve[path.ordinal()][round][metric.ordinal()];
        }

        /** The first round whose mean falls below {@link #LOST_SHARE} of round 0's, or -1 if it never does. */
        public int firstLost(Path path, Metric metric) {
            double start = at(path, 0, metric).mean();
            for (int r = 1; r <= settings.rounds(); r++) {
                if (at(path, r, metric).mean() < LOST_SHARE * start) {
                    return r;
                }
            }
            return -1;
        }

        /** The attributes in the order they are lost along the path (never lost last, by their final value). */
        public List<Metric> lossOrder(Path path) {
            int last = settings.rounds();
            return ATTRIBUTES.stream().sorted(java.util.Comparator
                    .comparingInt((Metric m) -> firstLost(path, m) < 0 ? Integer.MAX_VALUE : firstLost(path, m))
                    .thenComparingDouble(m -> at(path, last, m).mean() / Math.max(1e-9, at(path, 0, m).mean()))).toList();
        }
    }

    private Telephone() {
    }

    public static Result run(UnifiedModel model, SceneReader judge, String modelName, String modelSha, Settings s,
                             RoundTrip.Listener listener) {
        long t0 = System.nanoTime();
        int size = model.config().imageSize();
        ShapesWorld world = new ShapesWorld(new DataSpec(s.dataSeed(), size, DataSpec.defaults(0).categories()));
        int n = s.scenes();
        int paths = Path.values().length;
        double[][][][] scores = new double[paths][s.rounds() + 1][n][];
        int[] unparsed = new int[s.rounds() + 1];
        int[] changed = new int[s.rounds() + 1];
        List<Chain> chains = new ArrayList<>();
        listener.progress(0, n * s.rounds());
        for (int from = 0; from < n; from += RoundTrip.BATCH) {
            listener.checkCancelled();
            int m = Math.min(RoundTrip.BATCH, n - from);
            List<Sample> samples = world.samples(from, m);
            List<RgbImage> originals = samples.stream().map(x -> world.render(x.scene())).toList();
            List<List<SceneObject>> seen0 = judge.read(originals);
            List<List<List<Frame>>> kept = new ArrayList<>(); // [scene][path] -> frames
            for (int i = 0; i < m; i++) {
                double[] sc = AttributeAgreement.score(samples.get(i).scene(), originals.get(i), originals.get(i), seen0.get(i));
                Frame f = new Frame(samples.get(i).description().text(), true, originals.get(i), List.copyOf(seen0.get(i)), sc,
                        List.of());
                List<List<Frame>> perPath = new ArrayList<>();
                for (int p = 0; p < paths; p++) {
                    scores[p][0][from + i] = sc;
                    perPath.add(new ArrayList<>(List.of(f)));
                }
                kept.add(perPath);
            }
            List<RgbImage> words = originals;
            List<RgbImage> latent = originals;
            Frame[][] previous = new Frame[paths][m];
            for (int i = 0; i < m; i++) {
                previous[0][i] = kept.get(i).get(0).get(0);
                previous[1][i] = previous[0][i];
            }
            for (int r = 1; r <= s.rounds(); r++) {
                listener.checkCancelled();
                INDArray z = model.imageLatents(words);
                List<String> said = model.decodeCaptions(z);
                words = RoundTrip.textualRoute(model, said, size);
                latent = model.reconstruct(latent);
                List<RgbImage> all = new ArrayList<>(words);
                all.addAll(latent);
                List<List<SceneObject>> seen = judge.read(all);
                for (int i = 0; i < m; i++) {
                    Scene truth = samples.get(i).scene();
                    for (Path path : Path.values()) {
                        int p = path.ordinal();
                        RgbImage img = (path == Path.WORDS ? words : latent).get(i);
                        List<SceneObject> j = seen.get(p * m + i);
                        boolean parsed = path != Path.WORDS || CaptionParser.parse(said.get(i)).ok();
                        unparsed[r] += parsed ? 0 : 1;
                        changed[r] += path == Path.WORDS && !said.get(i).equals(previous[p][i].caption()) ? 1 : 0;
                        double[] sc = AttributeAgreement.score(truth, originals.get(i), img, j);
                        scores[p][r][from + i] = sc;
                        Frame f = new Frame(path == Path.WORDS ? said.get(i) : "", parsed, img, List.copyOf(j), sc,
                                lost(truth, previous[p][i], j, AttributeAgreement.centroidErrors(truth, originals.get(i), img),
                                        AttributeAgreement.centroidErrors(truth, originals.get(i), previous[p][i].image())));
                        previous[p][i] = f;
                        if (from + i < FRAMES_KEPT) {
                            kept.get(i).get(p).add(f);
                        }
                    }
                }
                listener.progress(from * s.rounds() + m * r, n * s.rounds());
            }
            for (int i = 0; i < m && from + i < FRAMES_KEPT; i++) {
                Sample x = samples.get(i);
                chains.add(new Chain(x.index(), x.scene(), x.description().text(), List.copyOf(kept.get(i).get(0)),
                        List.copyOf(kept.get(i).get(1))));
            }
        }
        listener.checkCancelled();
        return new Result(s, modelName, modelSha, List.copyOf(chains), curve(scores, s), unparsed, changed, (System.nanoTime() - t0) / 1e9);
    }

    static MetricSummary.Interval[][][] curve(double[][][][] scores, Settings s) {
        AphasiaSettings boot = new AphasiaSettings(s.seed(), 2, s.resamples());
        int paths = scores.length;
        int metrics = Metric.values().length;
        MetricSummary.Interval[][][] out = new MetricSummary.Interval[paths][s.rounds() + 1][metrics];
        for (int p = 0; p < paths; p++) {
            for (int r = 0; r <= s.rounds(); r++) {
                for (int k = 0; k < metrics; k++) {
                    double[] v = new double[scores[p][r].length];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = scores[p][r][i][k];
                    }
                    // one seed per (path, round, metric): intervals reproducible and independent of one another
                    out[p][r][k] = RoundTrip.interval(v, boot, s.seed() * 100_000 + p * 10_000L + r * 100L + k);
                }
            }
        }
        return out;
    }

    /**
     * What the judge (and the pixel reader) had right about each true object in the frame before and no longer has:
     * "fine position of the small red circle", "color of the large blue square (now green)"; "" parts are left out.
     */
    static List<String> lost(Scene truth, Frame before, List<SceneObject> now, double[] errorNow, double[] errorBefore) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < truth.size(); i++) {
            SceneObject o = truth.objects().get(i);
            SceneObject a = inCell(before.seen(), o);
            SceneObject b = inCell(now, o);
            if (errorBefore[i] <= AttributeAgreement.FINE_TOLERANCE_PX && errorNow[i] > AttributeAgreement.FINE_TOLERANCE_PX) {
                out.add(new Loss(Loss.Kind.FINE_POSITION, o, null).text());
            }
            if (a == null) {
                continue;
            }
            if (b == null) {
                out.add(new Loss(Loss.Kind.GONE, o, null).text());
                continue;
            }
            if (a.shape() == o.shape() && b.shape() != o.shape()) {
                out.add(new Loss(Loss.Kind.SHAPE, o, b.shape().word()).text());
            }
            if (a.size() == o.size() && b.size() != o.size()) {
                out.add(new Loss(Loss.Kind.SIZE, o, b.size().word()).text());
            }
            if (a.color() == o.color() && b.color() != o.color()) {
                out.add(new Loss(Loss.Kind.COLOR, o, b.color().word()).text());
            }
        }
        return List.copyOf(out);
    }

    private static SceneObject inCell(List<SceneObject> seen, SceneObject truth) {
        return seen.stream().filter(x -> x.cell().equals(truth.cell())).findFirst().orElse(null);
    }
}
