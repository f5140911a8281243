package org.reflectlab.core.nn.generator;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.data.Vocabulary;
import org.reflectlab.core.nn.fast.BackOps;
import org.reflectlab.core.nn.fast.FastOps;
import org.reflectlab.core.nn.fast.Grads;
import org.reflectlab.core.nn.fast.Segments;
import org.reflectlab.core.nn.fast.TrainBlock;

/**
 * The generator's flow-matching loss, forward and backward, on the fast path: the forward pass of
 * {@link GeneratorFast} (masked tokens skipped) keeping what the backward pass needs, then the
 * gradient of mean((v - v_target)^2) with respect to every parameter. {@code GeneratorBackpropTest}
 * holds loss and gradients to SameDiff's.
 *
 * <p>Not thread-safe: one thread owns an instance.
 */
public final class GeneratorBackprop {

    private final GeneratorConfig cfg;
    private final List<String> features;
    private final int seq;
    private final FastOps ops;
    private final Grads grads;
    private final BackOps back;
    private final List<TrainBlock> blocks = new ArrayList<>();
    private final int d;
    private final int lat;
    private final int pairs;
    private final int ctxTokens;
    private final int fbTokens;

    private int n;
    private Map<String, FloatBuffer> in;
    private Segments seg;
    private boolean[] kept;

    public GeneratorBackprop(Generator generator) {
        this.cfg = generator.config();
        this.features = generator.features();
        this.seq = generator.sequenceLength();
        this.ops = new FastOps(generator.params());
        this.grads = new Grads(generator.params());
        this.back = new BackOps(ops, grads);
        this.d = cfg.width();
        this.lat = cfg.latentTokens();
        this.pairs = cfg.contextPairs();
        this.ctxTokens = pairs * cfg.contextImageTokens();
        this.fbTokens = pairs * FeedbackVocabulary.MAX_TOKENS;
        for (int i = 0; i < cfg.depth(); i++) {
            blocks.add(new TrainBlock("gen/block" + i, d, cfg.heads(), back));
        }
    }

    public Grads grads() {
        return grads;
    }

    private FloatBuffer buf(String key, int size) {
        return ops.scratch(key, size);
    }

    /** Forward and backward on one batch (features in the generator's order): {loss_flow}; gradients in {@link #grads()}. */
    public Map<String, Double> step(INDArray[] batch) {
        in = new java.util.HashMap<>();
        for (int i = 0; i < features.size(); i++) {
            in.put(features.get(i), ops.input(batch[i]));
        }
        n = (int) batch[0].size(0);
        try {
            double loss = forward();
            grads.zero();
            backward();
            return Map.of(Generator.LOSS_FLOW, loss);
        } finally {
            ops.release();
        }
    }

    private double forward() {
        FloatBuffer x = buf("x", n * seq * d);
        FloatBuffer pre = buf("time/pre", n * d);
        ops.dense("gen/time1", in.get("time"), 0, n, Generator.TIME_FEATURES, d, pre, 0, false);
        FloatBuffer hidden = buf("time/h", n * d);
        copy(pre, 0, hidden, 0, n * d);
        FastOps.gelu(hidden, 0, n * d);
        FloatBuffer part = buf("part", n * seq * d);
        ops.dense("gen/time2", hidden, 0, n, d, d, part, 0, false);
        FastOps.place(part, 1, x, seq, 0, n, d);
        int start = 1;
        start = embed("gen/prompt", "gen/prompt", "prompt", Generator.PROMPT_TOKENS, Vocabulary.size(), x, start, part);
        start = embed("gen/ctx_img", "gen/ctx_img", "ctx_z", ctxTokens, cfg.contextTokenWidth(), x, start, part);
        start = embed("gen/ctx_fb", "gen/ctx_fb", "ctx_fb", fbTokens, FeedbackVocabulary.size(), x, start, part);
        ops.dense("gen/latent_in", in.get("xt"), 0, n * lat, cfg.tokenWidth(), d, part, 0, false);
        ops.addTable("gen/latent_pos", part, 0, n, lat, d);
        if (cfg.textGuide()) {
            ops.dense("gen/guide", in.get("guide"), 0, n * lat, cfg.tokenWidth(), d, part, 0, true);
        }
        FastOps.place(part, lat, x, seq, start, n, d);

        FloatBuffer packed = pack(x);
        for (TrainBlock b : blocks) {
            b.forward(packed, seg);
        }
        FloatBuffer normed = buf("normed", n * lat * d);
        FloatBuffer inv = buf("inv", n * lat);
        for (int s = 0; s < n; s++) {
            FastOps.layerNorm(packed, (seg.start(s) + seg.length(s) - lat) * d, lat, d, normed, s * lat * d, inv, s * lat);
        }
        FloatBuffer v = buf("v", n * cfg.latent());
        ops.dense("gen/out", normed, 0, n * lat, d, cfg.tokenWidth(), v, 0, false);
        FloatBuffer target = in.get("v_target");
        double sum = 0;
        for (int i = 0; i < n * cfg.latent(); i++) {
            double diff = v.get(i) - target.get(i);
            sum += diff * diff;
        }
        return sum / (n * cfg.latent());
    }

    /** part = in W + b + pos for one part of the sequence, placed at its rows; returns the next part's first row. */
    private int embed(String layer, String table, String input, int tokens, int width, FloatBuffer x, int start, FloatBuffer part) {
        ops.dense(layer, in.get(input), 0, n * tokens, width, d, part, 0, false);
        ops.addTable(table + "_pos", part, 0, n, tokens, d);
        FastOps.place(part, tokens, x, seq, start, n, d);
        return start + tokens;
    }

    /** Unmasked rows of x, packed (masked ones are never attended to: see GeneratorFast.pack). */
    private FloatBuffer pack(FloatBuffer x) {
        FloatBuffer mask = in.get("mask");
        int[] lengths = new int[n];
        kept = new boolean[n * seq];
        for (int i = 0; i < n * seq; i++) {
            kept[i] = mask.get(i) != 0f;
            if (kept[i]) {
                lengths[i / seq]++;
            }
        }
        seg = Segments.ofLengths(lengths);
        FloatBuffer packed = buf("packed", seg.rows() * d);
        int row = 0;
        for (int i = 0; i < n * seq; i++) {
            if (kept[i]) {
                copy(x, i * d, packed, row++ * d, d);
            }
        }
        return packed;
    }

    private void backward() {
        int size = n * cfg.latent();
        FloatBuffer v = buf("v", size);
        FloatBuffer target = in.get("v_target");
        FloatBuffer dv = buf("dv", size);
        float scale = 2f / size;
        for (int i = 0; i < size; i++) {
            dv.put(i, (v.get(i) - target.get(i)) * scale);
        }
        FloatBuffer normed = buf("normed", n * lat * d);
        FloatBuffer dNormed = buf("dnormed", n * lat * d);
        back.dense("gen/out", normed, 0, n * lat, d, cfg.tokenWidth(), dv, 0, dNormed, 0, false);
        FloatBuffer dPacked = buf("dpacked", seg.rows() * d);
        for (int i = 0; i < seg.rows() * d; i++) {
            dPacked.put(i, 0f);
        }
        FloatBuffer inv = buf("inv", n * lat);
        for (int s = 0; s < n; s++) {
            BackOps.layerNorm(normed, s * lat * d, inv, s * lat, lat, d, dNormed, s * lat * d,
                    dPacked, (seg.start(s) + seg.length(s) - lat) * d, false);
        }
        for (int i = blocks.size() - 1; i >= 0; i--) {
            blocks.get(i).backward(dPacked);
        }
        FloatBuffer dx = buf("dx", n * seq * d);
        int row = 0;
        for (int i = 0; i < n * seq; i++) {
            if (kept[i]) {
                copy(dPacked, row++ * d, dx, i * d, d);
            } else {
                for (int j = 0; j < d; j++) {
                    dx.put(i * d + j, 0f);
                }
            }
        }
        FloatBuffer part = buf("dpart", n * seq * d);
        gather(dx, 0, 1, part);
        FloatBuffer dHidden = buf("time/dh", n * d);
        back.dense("gen/time2", buf("time/h", n * d), 0, n, d, d, part, 0, dHidden, 0, false);
        BackOps.gelu(buf("time/pre", n * d), 0, dHidden, 0, n * d);
        back.dense("gen/time1", in.get("time"), 0, n, Generator.TIME_FEATURES, d, dHidden, 0, null, 0, false);
        int start = 1;
        start = embedBackward("gen/prompt", "prompt", Generator.PROMPT_TOKENS, Vocabulary.size(), dx, start, part);
        start = embedBackward("gen/ctx_img", "ctx_z", ctxTokens, cfg.contextTokenWidth(), dx, start, part);
        start = embedBackward("gen/ctx_fb", "ctx_fb", fbTokens, FeedbackVocabulary.size(), dx, start, part);
        gather(dx, start, lat, part);
        back.table("gen/latent_pos", part, 0, n, lat, d);
        back.dense("gen/latent_in", in.get("xt"), 0, n * lat, cfg.tokenWidth(), d, part, 0, null, 0, false);
        if (cfg.textGuide()) {
            back.dense("gen/guide", in.get("guide"), 0, n * lat, cfg.tokenWidth(), d, part, 0, null, 0, false);
        }
    }

    private int embedBackward(String layer, String input, int tokens, int width, FloatBuffer dx, int start, FloatBuffer part) {
        gather(dx, start, tokens, part);
        back.table(layer + "_pos", part, 0, n, tokens, d);
        back.dense(layer, in.get(input), 0, n * tokens, width, d, part, 0, null, 0, false);
        return start + tokens;
    }

    /** The reverse of FastOps.place: rows [start, start + tokens) of each sequence, back to back. */
    private void gather(FloatBuffer x, int start, int tokens, FloatBuffer part) {
        for (int s = 0; s < n; s++) {
            copy(x, (s * seq + start) * d, part, s * tokens * d, tokens * d);
        }
    }

    private static void copy(FloatBuffer from, int fromOff, FloatBuffer to, int toOff, int count) {
        for (int i = 0; i < count; i++) {
            to.put(toOff + i, from.get(fromOff + i));
        }
    }
}
