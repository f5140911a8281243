package org.reflectlab.core.concepts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.data.AudioClip;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Sample;
import org.reflectlab.core.data.SceneAudio;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.data.Vocabulary;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.text.Phrase;

/**
 * How each modality's loss answers controlled perturbations. Images: pixel MSE against a perceptual
 * loss (relative distance of the unified model's image-encoder latents) and the caption cross-entropy
 * of the model reading the perturbed image. Text: cross-entropy of the model's caption logits against
 * a target with a share of words swapped. Audio: the multi-resolution STFT loss (magnitude and phase
 * terms) against waveform MSE, for noise, pitch shift and time shift of ShapesWorld clips (left
 * channel, 0.5 s at 16 kHz).
 */
public final class ModalityLosses {

    public static final long HELDOUT_FROM = 2_000_000;

    /** One perturbation swept over strengths, with every loss measured at each strength (mean over the samples). */
    public record Curve(String modality, String perturbation, String unit, double[] strengths, Map<String, double[]> losses) {
    }

    public record Result(long seed, int samples, List<Curve> curves) {

        /** The table's lines: the title a phrase (the app translates it), the fixed-width columns as the CLI prints them. */
        public List<Phrase> table() {
            List<Phrase> out = new ArrayList<>();
            out.add(new Phrase("concepts.table.losses.title", samples, seed));
            for (Curve c : curves) {
                out.add(Phrase.literal(String.format(Locale.ROOT, "%s / %s (%s):", c.modality(), c.perturbation(), c.unit())));
                StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %10s", "strength"));
                c.losses().keySet().forEach(k -> head.append(String.format(Locale.ROOT, " %16s", k)));
                out.add(Phrase.literal(head.toString()));
                for (int i = 0; i < c.strengths().length; i++) {
                    StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %10.3f", c.strengths()[i]));
                    for (double[] v : c.losses().values()) {
                        row.append(String.format(Locale.ROOT, " %16.5f", v[i]));
                    }
                    out.add(Phrase.literal(row.toString()));
                }
            }
            return out;
        }
    }

    private ModalityLosses() {
    }

    public static Result run(UnifiedModel model, long seed, int samples, Progress progress) {
        int size = model.config().imageSize();
        ShapesWorld world = new ShapesWorld(new DataSpec(seed, size, DataSpec.defaults(seed).categories()));
        List<Sample> data = world.samples(HELDOUT_FROM, samples);
        List<RgbImage> images = data.stream().map(s -> world.render(s.scene())).toList();
        List<Caption> captions = data.stream().map(Sample::description).toList(); // what the model was trained to read
        INDArray clean = model.imageLatents(images);
        List<Curve> curves = new ArrayList<>();
        progress.update(0, 7, new Phrase("concepts.progress.image-losses"));
        curves.add(imageCurve(model, images, captions, clean, "shift", "pixels", new double[] {0, 1, 2, 3, 4, 6},
                (img, v) -> Perturb.shift(img, (int) Math.round(v))));
        progress.check();
        curves.add(imageCurve(model, images, captions, clean, "blur", "box radius, px", new double[] {0, 1, 2, 3},
                (img, v) -> Perturb.blur(img, (int) Math.round(v))));
        progress.check();
        curves.add(imageCurve(model, images, captions, clean, "noise", "Gaussian sigma", new double[] {0, 0.05, 0.1, 0.2, 0.3},
                (img, v) -> Perturb.noise(img, v, seed)));
        progress.update(3, 7, new Phrase("concepts.progress.text-loss"));
        progress.check();
        curves.add(textCurve(model, clean, captions, new double[] {0, 0.1, 0.2, 0.3, 0.5}, seed));
        progress.update(4, 7, new Phrase("concepts.progress.audio-losses"));
        List<float[]> clips = data.stream().map(s -> SceneAudio.synthesize(s.scene())).map(AudioClip::left).toList();
        curves.add(audioCurve(clips, "noise", "Gaussian sigma", new double[] {0, 0.005, 0.01, 0.02, 0.05},
                (x, v) -> Perturb.noise(x, v, seed)));
        progress.check();
        curves.add(audioCurve(clips, "pitch shift", "semitones", new double[] {0, 0.25, 0.5, 1, 2},
                Perturb::pitch));
        progress.check();
        curves.add(audioCurve(clips, "time shift", "ms", new double[] {0, 1, 5, 10, 25, 50},
                (x, v) -> Perturb.delay(x, (int) Math.round(v * SceneAudio.SAMPLE_RATE / 1000))));
        progress.update(7, 7, new Phrase("concepts.progress.done"));
        return new Result(seed, samples, curves);
    }

    private static Curve imageCurve(UnifiedModel model, List<RgbImage> images, List<Caption> captions, INDArray clean,
                                    String name, String unit, double[] strengths, BiFunction<RgbImage, Double, RgbImage> f) {
        double[] mse = new double[strengths.length];
        double[] perceptual = new double[strengths.length];
        double[] ce = new double[strengths.length];
        for (int i = 0; i < strengths.length; i++) {
            double v = strengths[i];
            List<RgbImage> moved = images.stream().map(img -> f.apply(img, v)).toList();
            for (int j = 0; j < images.size(); j++) {
                mse[i] += pixelMse(images.get(j), moved.get(j)) / images.size();
            }
            INDArray z = model.imageLatents(moved);
            perceptual[i] = perceptual(clean, z);
            ce[i] = crossEntropy(model.captionLogits(z), captions.stream().map(Vocabulary::encode).toList());
        }
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("pixel MSE", mse);
        m.put("perceptual", perceptual);
        m.put("caption CE", ce);
        return new Curve("image", name, unit, strengths, m);
    }

    private static Curve textCurve(UnifiedModel model, INDArray clean, List<Caption> captions, double[] shares, long seed) {
        INDArray logits = model.captionLogits(clean);
        double[] ce = new double[shares.length];
        for (int i = 0; i < shares.length; i++) {
            SplittableRandom r = new SplittableRandom(seed + i);
            double share = shares[i];
            List<int[]> targets = new ArrayList<>();
            for (Caption c : captions) {
                int[] ids = Vocabulary.encode(c);
                int words = Vocabulary.length(ids) - 1;
                for (int t = 0; t < words; t++) {
                    if (r.nextDouble() < share) {
                        ids[t] = 3 + r.nextInt(Vocabulary.size() - 3); // any real word, never PAD/BOS/EOS
                    }
                }
                targets.add(ids);
            }
            ce[i] = crossEntropy(logits, targets);
        }
        return new Curve("text", "word swap", "share of words replaced", shares, Map.of("caption CE", ce));
    }

    private static Curve audioCurve(List<float[]> clips, String name, String unit, double[] strengths,
                                    BiFunction<float[], Double, float[]> f) {
        double[] total = new double[strengths.length];
        double[] magnitude = new double[strengths.length];
        double[] phase = new double[strengths.length];
        double[] mse = new double[strengths.length];
        for (int i = 0; i < strengths.length; i++) {
            for (float[] x : clips) {
                float[] y = f.apply(x, strengths[i]);
                StftLoss.Loss l = StftLoss.of(y, x);
                total[i] += l.total() / clips.size();
                magnitude[i] += l.magnitude() / clips.size();
                phase[i] += l.phase() / clips.size();
                mse[i] += waveMse(x, y) / clips.size();
            }
        }
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("STFT total", total);
        m.put("STFT magnitude", magnitude);
        m.put("STFT phase", phase);
        m.put("waveform MSE", mse);
        return new Curve("audio", name, unit, strengths, m);
    }

    static double pixelMse(RgbImage a, RgbImage b) {
        float[] x = a.data();
        float[] y = b.data();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - y[i]) * (x[i] - y[i]);
        }
        return s / x.length;
    }

    static double waveMse(float[] x, float[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - y[i]) * (x[i] - y[i]);
        }
        return s / x.length;
    }

    /** Mean over samples of ||z - z0|| / ||z0||: the perceptual distance in the encoder's feature space. */
    static double perceptual(INDArray z0, INDArray z) {
        double sum = 0;
        int n = (int) z0.size(0);
        for (int i = 0; i < n; i++) {
            INDArray a = z0.getRow(i);
            sum += z.getRow(i).sub(a).norm2Number().doubleValue() / Math.max(1e-12, a.norm2Number().doubleValue());
        }
        return sum / n;
    }

    /** The training loss's caption cross-entropy: mean over samples and all positions (padding included) of -log p(target). */
    static double crossEntropy(INDArray logits, List<int[]> targets) {
        int n = (int) logits.size(0);
        int len = (int) logits.size(1);
        int v = (int) logits.size(2);
        float[] l = logits.dup('c').data().asFloat();
        double sum = 0;
        for (int s = 0; s < n; s++) {
            for (int t = 0; t < len; t++) {
                int off = (s * len + t) * v;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < v; k++) {
                    max = Math.max(max, l[off + k]);
                }
                double z = 0;
                for (int k = 0; k < v; k++) {
                    z += Math.exp(l[off + k] - max);
                }
                sum += max + Math.log(z) - l[off + targets.get(s)[t]];
            }
        }
        return sum / ((double) n * len);
    }
}
