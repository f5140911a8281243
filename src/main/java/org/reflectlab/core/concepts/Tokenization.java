package org.reflectlab.core.concepts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reflectlab.core.data.AudioClip;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.Patches;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Sample;
import org.reflectlab.core.data.SceneAudio;
import org.reflectlab.core.data.SceneRenderer;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.data.Vocabulary;
import org.reflectlab.core.text.Phrase;

/**
 * How many tokens each ShapesWorld modality becomes, and how much smaller the tokens are than the
 * raw signal (the lecture's tokenization table), counted on real samples: text as word tokens (+ EOS)
 * of the model's vocabulary, images as one VQ code per patch, audio as residual VQ codes per frame per
 * channel. Raw sizes: 8 bits per caption character, 8 bits per RGB value, 16 bits per PCM sample;
 * token size: log2(vocabulary or codebook) bits each.
 */
public final class Tokenization {

    /** Tokenizer choices the table is computed for. */
    public record Settings(long seed, int samples, int patch, int imageCodebook, int audioFrame, int audioCodesPerFrame,
                           int audioCodebook) {

        public static Settings defaults(long seed) {
            return new Settings(seed, 500, 4, 1024, 320, 4, 1024);
        }

        public Settings {
            if (samples < 1 || samples > 20_000) {
                throw new IllegalArgumentException("samples must be 1..20000");
            }
            if (patch < 1 || DataSpec.DEFAULT_IMAGE_SIZE % patch != 0) {
                throw new IllegalArgumentException("patch must divide " + DataSpec.DEFAULT_IMAGE_SIZE);
            }
            if (imageCodebook < 2 || audioCodebook < 2 || audioFrame < 1 || audioCodesPerFrame < 1) {
                throw new IllegalArgumentException("codebooks need >= 2 entries, frames >= 1 sample, >= 1 code per frame");
            }
        }
    }

    /**
     * One modality's row. {@code informative} is the measured share of tokens that carry content
     * (text: all; image: patches that are not plain background; audio: frames that are not silent).
     */
    public record Row(String modality, String unit, double rawValues, double rawBits, double tokens, double tokenBits,
                      double informative) {

        public double valuesPerToken() {
            return rawValues / tokens;
        }

        public double compression() {
            return rawBits / tokenBits;
        }
    }

    public record Result(Settings settings, List<Row> rows) {

        /** The table's lines: the title a phrase (the app translates it), the fixed-width columns as the CLI prints them. */
        public List<Phrase> table() {
            List<Phrase> out = new ArrayList<>();
            out.add(new Phrase("concepts.table.tokens.title", settings.samples(), settings.seed()));
            out.add(Phrase.literal(String.format(Locale.ROOT, "%-6s %-34s %10s %11s %8s %11s %10s %12s %11s", "mod", "token unit", "raw values",
                    "raw bits", "tokens", "token bits", "values/tok", "compression", "informative")));
            for (Row r : rows) {
                out.add(Phrase.literal(String.format(Locale.ROOT, "%-6s %-34s %10.1f %11.0f %8.1f %11.1f %10.1f %11.1fx %10.1f%%", r.modality(),
                        r.unit(), r.rawValues(), r.rawBits(), r.tokens(), r.tokenBits(), r.valuesPerToken(), r.compression(),
                        100 * r.informative())));
            }
            return out;
        }
    }

    private Tokenization() {
    }

    public static Result measure(Settings s) {
        ShapesWorld world = new ShapesWorld(DataSpec.defaults(s.seed()));
        int size = DataSpec.DEFAULT_IMAGE_SIZE;
        int patches = Patches.tokens(size, s.patch());
        double words = 0;
        double chars = 0;
        double busyPatches = 0;
        double frames = 0;
        double loudFrames = 0;
        for (int i = 0; i < s.samples(); i++) {
            Sample sample = world.sample(i);
            words += Vocabulary.length(Vocabulary.encode(sample.caption()));
            chars += sample.caption().text().length();
            busyPatches += busyPatches(world.render(sample.scene()), s.patch());
            AudioClip clip = SceneAudio.synthesize(sample.scene());
            int f = clip.frames() / s.audioFrame();
            frames += f;
            loudFrames += loudFrames(clip, s.audioFrame());
        }
        int n = s.samples();
        double vocabBits = log2(Vocabulary.size());
        double textTokens = words / n;
        Row text = new Row("text", "word (vocab " + Vocabulary.size() + ") + EOS", chars / n, 8 * chars / n, textTokens,
                textTokens * vocabBits, 1.0);
        double imgValues = 3.0 * size * size;
        Row image = new Row("image", String.format(Locale.ROOT, "VQ code per %dx%d patch (K=%d)", s.patch(), s.patch(), s.imageCodebook()),
                imgValues, 8 * imgValues, patches, patches * log2(s.imageCodebook()), busyPatches / n / patches);
        double samples = 2.0 * SceneAudio.SAMPLE_RATE * SceneAudio.CLIP_SECONDS;
        double audioTokens = 2 * frames / n * s.audioCodesPerFrame();
        Row audio = new Row("audio", String.format(Locale.ROOT, "%d RVQ codes/%d-sample frame/channel (K=%d)",
                s.audioCodesPerFrame(), s.audioFrame(), s.audioCodebook()), samples, 16 * samples, audioTokens,
                audioTokens * log2(s.audioCodebook()), loudFrames / frames);
        return new Result(s, List.of(text, image, audio));
    }

    static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    /** Patches with any pixel off the background colour. */
    static int busyPatches(RgbImage img, int patch) {
        int grid = img.width() / patch;
        int busy = 0;
        for (int py = 0; py < grid; py++) {
            for (int px = 0; px < grid; px++) {
                boolean any = false;
                for (int c = 0; c < 3 && !any; c++) {
                    for (int y = 0; y < patch && !any; y++) {
                        for (int x = 0; x < patch && !any; x++) {
                            any = Math.abs(img.get(c, py * patch + y, px * patch + x) - SceneRenderer.BACKGROUND[c]) > 1e-3f;
                        }
                    }
                }
                busy += any ? 1 : 0;
            }
        }
        return busy;
    }

    /** Frames whose peak exceeds 1e-3 in either channel. */
    static int loudFrames(AudioClip clip, int frame) {
        int loud = 0;
        for (int f = 0; f + frame <= clip.frames(); f += frame) {
            float peak = 0;
            for (int i = f; i < f + frame; i++) {
                peak = Math.max(peak, Math.max(Math.abs(clip.left()[i]), Math.abs(clip.right()[i])));
            }
            loud += peak > 1e-3f ? 1 : 0;
        }
        return loud;
    }
}
