package org.reflectlab.core.concepts;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Vocabulary;
import org.reflectlab.core.nn.fast.FastOps;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.text.Phrase;

/**
 * The unified model's real attention weights on one input, for its text and image encoders, under
 * two masks: "full" (bidirectional; what both encoders were trained with: the text encoder masks only
 * padding, which never enters here) and "causal" (each token sees itself and earlier ones: the same
 * weights run with a causal mask in every block, which they were never trained with).
 */
public final class AttentionMaps {

    public enum Mask {
        FULL, CAUSAL;

        public String label() {
            return this == FULL ? "full (bidirectional)" : "causal";
        }
    }

    /** One head of one block: weights[i * t + j] is how much query i attends to key j. */
    public record Map(String encoder, Mask mask, int layer, int head, int t, float[] weights) {

        public float at(int i, int j) {
            return weights[i * t + j];
        }

        /** Entries the mask allows: t^2 for full, t(t+1)/2 for causal. */
        public int allowed() {
            return mask == Mask.FULL ? t * t : t * (t + 1) / 2;
        }

        /** Entries with weight > 0 as computed (in float; exp can underflow to exactly 0). */
        public int nonZero() {
            int n = 0;
            for (float w : weights) {
                n += w > 0f ? 1 : 0;
            }
            return n;
        }

        /** Largest weight above the diagonal (0 under a causal mask). */
        public float maxAboveDiagonal() {
            float m = 0;
            for (int i = 0; i < t; i++) {
                for (int j = i + 1; j < t; j++) {
                    m = Math.max(m, at(i, j));
                }
            }
            return m;
        }

        /** Mean entropy of the rows in bits: 0 = each query looks at one key, log2(t) = uniform. */
        public double meanEntropyBits() {
            double sum = 0;
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < t; j++) {
                    float w = at(i, j);
                    if (w > 0) {
                        sum -= w * Math.log(w) / Math.log(2);
                    }
                }
            }
            return sum / t;
        }
    }

    /** Every block and head of one encoder under one mask, with the token labels. */
    public record Encoder(String name, Mask mask, List<String> labels, List<Map> maps, int layers, int heads) {

        public Map map(int layer, int head) {
            return maps.get(layer * heads + head);
        }
    }

    public record Result(String caption, List<Encoder> encoders) {

        public Encoder encoder(String name, Mask mask) {
            return encoders.stream().filter(e -> e.name().equals(name) && e.mask() == mask).findFirst().orElseThrow();
        }

        /** The table's lines: the title a phrase (the app translates it), the fixed-width columns as the CLI prints them. */
        public List<Phrase> table() {
            List<Phrase> out = new ArrayList<>();
            out.add(new Phrase("concepts.table.attention.title", String.valueOf(caption)));
            out.add(Phrase.literal(String.format(Locale.ROOT, "%-6s %-21s %5s %4s %4s %9s %9s %10s %12s", "enc", "mask", "layer", "head", "t",
                    "allowed", "non-zero", "max above", "entropy bits")));
            for (Encoder e : encoders) {
                for (Map m : e.maps()) {
                    out.add(Phrase.literal(String.format(Locale.ROOT, "%-6s %-21s %5d %4d %4d %9d %9d %10.4f %12.3f", e.name(), m.mask().label(),
                            m.layer(), m.head(), m.t(), m.allowed(), m.nonZero(), m.maxAboveDiagonal(), m.meanEntropyBits())));
                }
            }
            return out;
        }
    }

    private AttentionMaps() {
    }

    public static Result measure(UnifiedModel model, RgbImage image, Caption caption) {
        List<Encoder> encoders = new ArrayList<>();
        int heads = model.config().heads();
        int[] ids = Vocabulary.encode(caption);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < Vocabulary.length(ids); i++) {
            words.add(Vocabulary.token(ids[i]));
        }
        int grid = model.config().imageSize() / model.config().patch();
        List<String> patches = new ArrayList<>();
        for (int i = 0; i < grid * grid; i++) {
            patches.add("p" + (i / grid) + "," + (i % grid));
        }
        for (Mask mask : Mask.values()) {
            List<Map> text = new ArrayList<>();
            model.textLatentsProbed(List.of(caption), recorder("text", mask, heads, text));
            encoders.add(new Encoder("text", mask, words, text, model.config().textDepth(), heads));
            List<Map> img = new ArrayList<>();
            model.imageLatentsProbed(List.of(image), recorder("image", mask, heads, img));
            encoders.add(new Encoder("image", mask, patches, img, model.config().imageDepth(), heads));
        }
        return new Result(caption.text(), encoders);
    }

    private static FastOps.AttentionProbe recorder(String encoder, Mask mask, int heads, List<Map> out) {
        return new FastOps.AttentionProbe() {
            @Override
            public boolean causal() {
                return mask == Mask.CAUSAL;
            }

            @Override
            public void weights(String block, int sequence, int head, FloatBuffer probs, int t) {
                float[] w = new float[t * t];
                for (int i = 0; i < w.length; i++) {
                    w[i] = probs.get(i);
                }
                out.add(new Map(encoder, mask, out.size() / heads, head, t, w));
            }
        };
    }
}
