package org.reflectlab.core.aphasia;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.data.Clause;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.ParseResult;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Sample;
import org.reflectlab.core.data.Scene;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.data.Vocabulary;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.nn.Quiet;
import org.reflectlab.core.nn.SdBuilder;
import org.reflectlab.core.nn.detector.SceneReader;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.stats.Bootstrap;

/**
 * "Describe from memory" (the paper's setting, small). A set of posters (specific ShapesWorld
 * scenes) is each bound to a name token: one learned latent vector per name. The names are learned
 * from name -> image pairs for every poster and name -> caption pairs for only a few, through the
 * unified model's own image and caption decoders, which stay frozen (so the shipped model is never
 * changed; the paper fine-tunes the whole model). Then, asked by name, the model draws the poster
 * (visual recall, read by the judge) and describes it (textual recall, parsed), and both are scored
 * against the true poster. Posters whose caption was trained are reported apart: every name was
 * trained on its image, and only the image-only names test describing from visual memory.
 */
public final class MemoryExperiment {

    public static final long POSTER_SEED_BASE = 7_700_017;
    static final List<Metric> ATTRIBUTES = List.of(Metric.SHAPE, Metric.COLOR, Metric.SIZE, Metric.POSITION, Metric.COUNT);

    /** How many posters, how many of them get caption pairs, how long the names train. */
    public record Settings(long seed, int posters, int captioned, int steps, double learningRate) {
        public Settings {
            if (posters < 2 || posters > 256) {
                throw new IllegalArgumentException("posters must be 2..256, not " + posters);
            }
            if (captioned < 0 || captioned >= posters) {
                throw new IllegalArgumentException("captioned posters must be 0.." + (posters - 1) + ", not " + captioned);
            }
            if (steps < 1 || steps > 100_000) {
                throw new IllegalArgumentException("steps must be 1..100000, not " + steps);
            }
        }

        public static Settings defaults(long seed) {
            return new Settings(seed, 16, 4, 300, 0.05);
        }
    }

    /** One poster recalled by name: what was drawn, what was said, and the per-attribute agreement of each. */
    public record Recall(int name, Scene truth, String trueCaption, boolean captionTrained, RgbImage drawn,
                         List<SceneObject> judged, String described, boolean parsed, double[] visual, double[] textual) {
    }

    /** Error rates (1 - mean agreement over the five attributes) of one group of posters, with 95% intervals. */
    public record Group(String label, int posters, MetricSummary.Interval visualError, MetricSummary.Interval textualError,
                        double ratio) {
    }

    public record Result(Settings settings, List<Recall> recalls, Group imageOnly, Group captionTrained, double initialImageLoss,
                         double finalImageLoss, double finalCaptionLoss, double seconds) {
    }

    private MemoryExperiment() {
    }

    /** The result as text: per group, visual and textual error rates with intervals and their ratio. */
    public static List<String> table(Result r) {
        List<String> out = new ArrayList<>();
        Settings s = r.settings();
        out.add(String.format(java.util.Locale.ROOT, "# describe from memory: %d posters (ShapesWorld seed %d), %d with name->caption pairs, "
                + "names trained %d steps against the frozen decoders (image loss %.4f -> %.4f, caption loss %.4f), %.1f s",
                s.posters(), POSTER_SEED_BASE + s.seed(), s.captioned(), s.steps(), r.initialImageLoss(), r.finalImageLoss(),
                r.finalCaptionLoss(), r.seconds()));
        out.add("# error = 1 - mean agreement over shape, color, size, position, count with the true poster [95% bootstrap interval]");
        out.add(String.format(java.util.Locale.ROOT, "%-42s %7s %24s %24s %8s", "names", "posters", "visual error (drawn)",
                "textual error (said)", "ratio"));
        for (Group g : List.of(r.imageOnly(), r.captionTrained())) {
            out.add(String.format(java.util.Locale.ROOT, "%-42s %7d %24s %24s %8s", g.label(), g.posters(), cell(g.visualError()),
                    cell(g.textualError()), Double.isFinite(g.ratio()) ? String.format(java.util.Locale.ROOT, "%.2fx", g.ratio())
                            : Double.isNaN(g.ratio()) ? "-" : "inf"));
        }
        out.add("# ratio = textual / visual error; the paper's unified models: more than 7x");
        return out;
    }

    private static String cell(MetricSummary.Interval i) {
        return Double.isNaN(i.mean()) ? "-" : String.format(java.util.Locale.ROOT, "%.3f [%.3f, %.3f]", i.mean(), i.low(), i.high());
    }

    public static Result run(UnifiedModel model, SceneReader judge, Settings s, RoundTrip.Listener listener) {
        long t0 = System.nanoTime();
        int size = model.config().imageSize();
        ShapesWorld world = new ShapesWorld(new DataSpec(POSTER_SEED_BASE + s.seed(), size, DataSpec.defaults(0).categories()));
        List<Sample> posters = world.samples(0, s.posters());
        List<RgbImage> images = new ArrayList<>();
        List<Caption> captions = new ArrayList<>();
        for (Sample p : posters) {
            images.add(world.render(p.scene()));
            captions.add(p.description());
        }
        // Names start at the scale of real image latents, so the frozen decoders see familiar magnitudes.
        double scale = model.imageLatents(images).stdNumber().doubleValue();
        Trainer t = new Trainer(model, s, scale);
        Map<String, INDArray> m = model.inputs(images, captions);
        float[] mask = new float[s.posters()];
        for (int i = 0; i < s.captioned(); i++) {
            mask[i] = 1f;
        }
        MultiDataSet batch = new MultiDataSet(new INDArray[] {m.get("patches"), m.get("tokens"),
            Nd4j.create(mask, new long[] {s.posters(), 1}, 'c')}, null);
        Map<String, INDArray> placeholders = Map.of("target", m.get("patches"), "tokens", m.get("tokens"),
                "cap_mask", batch.getFeatures(2));
        double initialImageLoss = t.sd.output(placeholders, "loss_image").get("loss_image").getDouble(0);
        for (int step = 0; step < s.steps(); step++) {
            listener.checkCancelled();
            t.sd.fit(batch);
            if (step % 20 == 0) {
                listener.progress(step, s.steps());
            }
        }
        listener.progress(s.steps(), s.steps());
        Map<String, INDArray> losses = t.sd.output(placeholders, "loss_image", "loss_caption");
        INDArray names = t.sd.getVariable("mem/names").getArr().dup();
        List<RgbImage> drawn = model.decodeImages(names);
        List<String> said = model.decodeCaptions(names);
        List<List<SceneObject>> seen = judge.read(drawn);
        List<Recall> recalls = new ArrayList<>();
        for (int i = 0; i < s.posters(); i++) {
            Scene truth = posters.get(i).scene();
            ParseResult parsed = CaptionParser.parse(said.get(i));
            recalls.add(new Recall(i, truth, captions.get(i).text(), i < s.captioned(), drawn.get(i), seen.get(i), said.get(i),
                    parsed.ok(), AttributeAgreement.objectScores(truth, seen.get(i)), textualScores(truth, parsed)));
        }
        Group imageOnly = group("image-only names (caption never trained)", recalls.stream().filter(r -> !r.captionTrained()).toList(), s);
        Group trained = group("caption-trained names", recalls.stream().filter(Recall::captionTrained).toList(), s);
        return new Result(s, List.copyOf(recalls), imageOnly, trained, initialImageLoss, losses.get("loss_image").getDouble(0),
                losses.get("loss_caption").getDouble(0), (System.nanoTime() - t0) / 1e9);
    }

    /** A caption's phrases as objects: one per counted object; only placed phrases can match a true object. */
    static double[] textualScores(Scene truth, ParseResult parsed) {
        if (!parsed.ok()) {
            return AttributeAgreement.objectScores(truth, List.of(), 0);
        }
        List<SceneObject> placed = new ArrayList<>();
        int stated = 0;
        for (Clause c : parsed.caption().clauses()) {
            stated += c.count();
            if (c.cell() != null && c.count() == 1) {
                placed.add(new SceneObject(c.shape(), c.color(), c.size(), c.cell(), 0, 0, 0, 0));
            }
        }
        return AttributeAgreement.objectScores(truth, placed, stated);
    }

    private static Group group(String label, List<Recall> recalls, Settings s) {
        if (recalls.isEmpty()) {
            MetricSummary.Interval none = new MetricSummary.Interval(Double.NaN, Double.NaN, Double.NaN);
            return new Group(label, 0, none, none, Double.NaN);
        }
        double[] v = new double[recalls.size()];
        double[] t = new double[recalls.size()];
        for (int i = 0; i < recalls.size(); i++) {
            v[i] = error(recalls.get(i).visual());
            t[i] = error(recalls.get(i).textual());
        }
        AphasiaSettings boot = new AphasiaSettings(s.seed(), 2, AphasiaSettings.DEFAULT_RESAMPLES);
        MetricSummary.Interval ve = RoundTrip.interval(v, boot, s.seed() * 31 + 1);
        MetricSummary.Interval te = RoundTrip.interval(t, boot, s.seed() * 31 + 2);
        return new Group(label, recalls.size(), ve, te, ve.mean() > 0 ? te.mean() / ve.mean() : Double.POSITIVE_INFINITY);
    }

    /** 1 - mean agreement over the five attributes. */
    static double error(double[] scores) {
        double sum = 0;
        for (Metric m : ATTRIBUTES) {
            sum += scores[m.ordinal()];
        }
        return 1 - sum / ATTRIBUTES.size();
    }

    /** The name table against frozen copies of the unified model's decoders. */
    private static final class Trainer {
        final SameDiff sd = SameDiff.create();

        Trainer(UnifiedModel model, Settings s, double scale) {
            Params frozen = new Params(s.seed());
            model.params().arrays().forEach((k, v) -> {
                if (k.startsWith("dec/") || k.startsWith("cap/")) {
                    frozen.putAll(Map.of(k, v.dup()));
                }
            });
            int latent = model.config().latent();
            float[] init = new float[s.posters() * latent];
            SplittableRandom r = new SplittableRandom(s.seed() * 0x9E3779B97F4A7C15L + 17);
            for (int i = 0; i < init.length; i++) {
                init[i] = (float) (gaussian(r) * scale);
            }
            SDVariable names = sd.var("mem/names", Nd4j.create(init, new long[] {s.posters(), latent}, 'c'));
            SdBuilder b = new SdBuilder(sd, frozen);
            SDVariable[] out = model.decoders(b, names);
            int t = model.config().imageTokens();
            int len = Vocabulary.MAX_TOKENS;
            SDVariable target = sd.placeHolder("target", DataType.FLOAT, -1, t, model.config().patchWidth());
            SDVariable tokens = sd.placeHolder("tokens", DataType.FLOAT, -1, len, Vocabulary.size());
            SDVariable mask = sd.placeHolder("cap_mask", DataType.FLOAT, -1, 1);
            SDVariable image = sd.math.square(out[0].sub(target)).mean().rename("loss_image");
            SDVariable perName = tokens.mul(b.logSoftmax(out[1], 2)).sum(2).mean(1).reshape(-1, 1).mul(-1.0);
            SDVariable caption = perName.mul(mask).sum().div(mask.sum().add(1e-6)).rename("loss_caption");
            image.add(caption).rename("loss");
            sd.setLossVariables("loss");
            List<SDVariable> decoderWeights = new ArrayList<>();
            for (SDVariable v : sd.variables()) {
                if (v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE && !v.name().equals("mem/names")) {
                    decoderWeights.add(v);
                }
            }
            sd.convertToConstants(decoderWeights);
            sd.setTrainingConfig(new TrainingConfig.Builder().updater(new Adam(s.learningRate()))
                    .dataSetFeatureMapping("target", "tokens", "cap_mask").markLabelsUnused().build());
            Quiet.run(sd::createGradFunction);
        }

        private static double gaussian(SplittableRandom r) {
            double u1 = Math.max(r.nextDouble(), 1e-12);
            return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * r.nextDouble());
        }
    }
}
