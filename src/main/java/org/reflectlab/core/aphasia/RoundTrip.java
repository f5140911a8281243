package org.reflectlab.core.aphasia;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.ParseResult;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Sample;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.SceneRenderer;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.nn.detector.SceneReader;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.stats.Bootstrap;

/**
 * The modal-aphasia round trip (arXiv 2510.21842, small): held-out scenes go through the unified
 * model twice, once through the image latent (visual: image -> latent -> image) and once through
 * words (textual: image -> the caption the model reads -> text latent -> image). The judge, a
 * separately trained detector, reads every result and is compared with the true scene. Retrieval
 * is measured on the same scenes' image latents and true-caption latents.
 *
 * <p>Runs on the calling thread; the model and the judge must be owned by it.
 */
public final class RoundTrip {

    /** Progress and cancellation, so the same code serves the UI (TaskContext) and the CLI. */
    public interface Listener {
        void progress(int done, int total);

        /** Throws (e.g. CancellationException) to stop between batches. */
        void checkCancelled();
    }

    public static final Listener SILENT = new Listener() {
        @Override
        public void progress(int done, int total) {
        }

        @Override
        public void checkCancelled() {
        }
    };

    static final int BATCH = 50;

    private RoundTrip() {
    }

    public static AphasiaResult run(UnifiedModel model, SceneReader judge, String modelName, String modelSha,
                                    AphasiaSettings settings, Listener listener) {
        long t0 = System.nanoTime();
        int size = model.config().imageSize();
        ShapesWorld world = new ShapesWorld(new DataSpec(settings.dataSeed(), size, DataSpec.defaults(0).categories()));
        int n = settings.samples();
        List<SampleOutcome> outcomes = new ArrayList<>(n);
        double[][] imageLatents = new double[n][];
        double[][] textLatents = new double[n][];
        Object[] keys = new Object[n];
        int unparsed = 0;
        listener.progress(0, n);
        for (int from = 0; from < n; from += BATCH) {
            listener.checkCancelled();
            int m = Math.min(BATCH, n - from);
            List<Sample> samples = world.samples(from, m);
            List<RgbImage> originals = new ArrayList<>(m);
            List<Caption> truths = new ArrayList<>(m);
            for (Sample s : samples) {
                originals.add(world.render(s.scene()));
                truths.add(s.description());
            }
            INDArray zi = model.imageLatents(originals);
            List<RgbImage> visual = model.decodeImages(zi);
            List<String> read = model.decodeCaptions(zi);
            List<RgbImage> textual = textualRoute(model, read, size);
            INDArray zt = model.textLatents(truths);
            for (int i = 0; i < m; i++) {
                imageLatents[from + i] = zi.getRow(i).toDoubleVector();
                textLatents[from + i] = zt.getRow(i).toDoubleVector();
                keys[from + i] = truths.get(i).text();
            }
            // One judge call for the batch: originals, then visual, then textual reconstructions.
            List<RgbImage> all = new ArrayList<>(3 * m);
            all.addAll(originals);
            all.addAll(visual);
            all.addAll(textual);
            List<List<SceneObject>> seen = judge.read(all);
            for (int i = 0; i < m; i++) {
                Sample s = samples.get(i);
                boolean parsed = CaptionParser.parse(read.get(i)).ok();
                unparsed += parsed ? 0 : 1;
                RgbImage[] images = {originals.get(i), visual.get(i), textual.get(i)};
                double[][] scores = new double[Route.values().length][];
                double[] psnr = new double[Route.values().length];
                List<List<SceneObject>> judged = new ArrayList<>();
                for (Route r : Route.values()) {
                    List<SceneObject> j = seen.get(r.ordinal() * m + i);
                    judged.add(List.copyOf(j));
                    scores[r.ordinal()] = AttributeAgreement.score(s.scene(), originals.get(i), images[r.ordinal()], j);
                    psnr[r.ordinal()] = r == Route.ORIGINAL ? Double.NaN : Fidelity.psnr(originals.get(i), images[r.ordinal()]);
                }
                outcomes.add(new SampleOutcome(s.index(), s.scene(), s.description().text(), originals.get(i), visual.get(i),
                        read.get(i), parsed, textual.get(i), List.copyOf(judged), scores, psnr));
            }
            listener.progress(from + m, n);
        }
        listener.checkCancelled();
        Retrieval retrieval = Retrieval.measure(imageLatents, textLatents, keys);
        return assemble(modelName, modelSha, settings, outcomes, retrieval, unparsed, (System.nanoTime() - t0) / 1e9);
    }

    /** The result from per-scene outcomes: the summaries and intervals are computed here, the same way every time. */
    static AphasiaResult assemble(String modelName, String modelSha, AphasiaSettings settings, List<SampleOutcome> outcomes,
                                  Retrieval retrieval, int unparsed, double seconds) {
        List<MetricSummary> metrics = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            metrics.add(summarise(metric, outcomes, o -> o.scores()[0][metric.ordinal()],
                    o -> o.scores()[1][metric.ordinal()], o -> o.scores()[2][metric.ordinal()], settings));
        }
        MetricSummary psnr = summarise(Metric.PIXELS, outcomes, o -> Double.NaN, o -> o.psnr()[1], o -> o.psnr()[2], settings);
        return new AphasiaResult(modelName, modelSha, settings, List.copyOf(outcomes), List.copyOf(metrics), psnr, retrieval,
                unparsed, seconds);
    }

    /** Read captions -> parsed -> text latents -> images; an unreadable caption gives an empty canvas. */
    static List<RgbImage> textualRoute(UnifiedModel model, List<String> read, int size) {
        List<Caption> ok = new ArrayList<>();
        int[] slot = new int[read.size()];
        for (int i = 0; i < read.size(); i++) {
            ParseResult p = CaptionParser.parse(read.get(i));
            slot[i] = p.ok() ? ok.size() : -1;
            if (p.ok()) {
                ok.add(p.caption());
            }
        }
        List<RgbImage> drawn = ok.isEmpty() ? List.of() : model.generate(ok);
        List<RgbImage> out = new ArrayList<>(read.size());
        for (int i = 0; i < read.size(); i++) {
            out.add(slot[i] >= 0 ? drawn.get(slot[i]) : blank(size));
        }
        return out;
    }

    static RgbImage blank(int size) {
        RgbImage img = new RgbImage(size, size);
        int plane = size * size;
        for (int c = 0; c < 3; c++) {
            Arrays.fill(img.data(), c * plane, (c + 1) * plane, SceneRenderer.BACKGROUND[c]);
        }
        return img;
    }

    private interface Value {
        double of(SampleOutcome o);
    }

    private static MetricSummary summarise(Metric metric, List<SampleOutcome> outcomes, Value original, Value visual,
                                           Value textual, AphasiaSettings settings) {
        int n = outcomes.size();
        double[] o = new double[n];
        double[] v = new double[n];
        double[] t = new double[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            o[i] = original.of(outcomes.get(i));
            v[i] = visual.of(outcomes.get(i));
            t[i] = textual.of(outcomes.get(i));
            d[i] = v[i] - t[i];
        }
        // One seed per metric and series: intervals are reproducible and independent of run order.
        long seed = settings.seed() * 1_000 + metric.ordinal() * 10L;
        return new MetricSummary(metric, interval(o, settings, seed), interval(v, settings, seed + 1),
                interval(t, settings, seed + 2), interval(d, settings, seed + 3));
    }

    static MetricSummary.Interval interval(double[] values, AphasiaSettings settings, long seed) {
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        if (Double.isNaN(mean)) {
            return new MetricSummary.Interval(Double.NaN, Double.NaN, Double.NaN);
        }
        double[] ci = Bootstrap.meanInterval(values, settings.resamples(), seed);
        return new MetricSummary.Interval(mean, ci[0], ci[1]);
    }
}
