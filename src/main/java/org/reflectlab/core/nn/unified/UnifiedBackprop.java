package org.reflectlab.core.nn.unified;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The unified model's training graph, forward and backward, on the fast path: the four losses of
 * {@link UnifiedModel#trainingGraph()} and their gradients with respect to every parameter, written
 * out layer by layer (no SameDiff session, no per-op allocation). {@code UnifiedBackpropTest} holds
 * losses and gradients to SameDiff's.
 *
 * <p>Not thread-safe: one thread owns an instance.
 */
public final class UnifiedBackprop {

    private final UnifiedConfig cfg;
    private final FastOps ops;
    private final BackOps back;
    private final Grads grads;
    private final ContrastiveLoss align;
    private final Map<String, Double> lossWeights;
    private final List<TrainBlock> imgBlocks = new ArrayList<>();
    private final List<TrainBlock> txtBlocks = new ArrayList<>();
    private final List<TrainBlock> capBlocks = new ArrayList<>();
    private final int d;
    private final int t;
    private final int len;
    private final int p;
    private final int view;
    private final int hidden;

    // per-step state
    private int n;
    private FloatBuffer patches;
    private FloatBuffer tokens;
    private FloatBuffer mask;
    private FloatBuffer eye;
    private Segments imgSeg;
    private Segments txtSeg;
    private Segments capSeg;

    public UnifiedBackprop(UnifiedModel model) {
        this.cfg = model.config();
        this.ops = new FastOps(model.params());
        this.grads = new Grads(model.params());
        this.back = new BackOps(ops, grads);
        this.d = cfg.width();
        this.t = cfg.imageTokens();
        this.len = Vocabulary.MAX_TOKENS;
        this.p = cfg.patchWidth();
        this.view = UnifiedModel.DECODER_VIEW;
        this.hidden = 2 * cfg.width();
        this.align = new ContrastiveLoss(ops, cfg.latent(), cfg.temperature());
        this.lossWeights = model.lossWeights();
        for (int i = 0; i < cfg.imageDepth(); i++) {
            imgBlocks.add(new TrainBlock("img/block" + i, d, cfg.heads(), back));
        }
        for (int i = 0; i < cfg.textDepth(); i++) {
            txtBlocks.add(new TrainBlock("txt/block" + i, d, cfg.heads(), back));
        }
        for (int i = 0; i < cfg.captionDepth(); i++) {
            capBlocks.add(new TrainBlock("cap/block" + i, d, cfg.heads(), back));
        }
    }

    public Grads grads() {
        return grads;
    }

    private FloatBuffer buf(String key, int size) {
        return ops.scratch(key, size);
    }

    /**
     * Forward and backward on one batch (placeholders in {@link UnifiedModel#FEATURES} order): the
     * loss components by name (unweighted, as the graph names them); gradients of the weighted
     * total are left in {@link #grads()} (zeroed first).
     */
    public Map<String, Double> step(INDArray[] features) {
        try {
            Map<String, Double> losses = forward(features);
            grads.zero();
            backward();
            return losses;
        } finally {
            ops.release();
        }
    }

    // Forward //

    private Map<String, Double> forward(INDArray[] f) {
        n = (int) f[0].size(0);
        patches = ops.input(f[0]);
        tokens = ops.input(f[1]);
        mask = ops.input(f[2]);
        eye = ops.input(f[3]);

        encodeImage();
        encodeText();
        FloatBuffer z = buf("z", 2 * n * cfg.latent());
        copy(buf("zi", n * cfg.latent()), 0, z, 0, n * cfg.latent());
        copy(buf("zt", n * cfg.latent()), 0, z, n * cfg.latent(), n * cfg.latent());
        decodeImage(z);
        decodeCaption();

        Map<String, Double> losses = new LinkedHashMap<>();
        FloatBuffer out = buf("dec/out", 2 * n * t * p);
        losses.put(UnifiedModel.LOSS_RECON, mse(out, 0));
        losses.put(UnifiedModel.LOSS_GEN, mse(out, n * t * p));
        losses.put(UnifiedModel.LOSS_CAPTION, captionLoss());
        losses.put(UnifiedModel.LOSS_ALIGN, align.forward(buf("zi", n * cfg.latent()), buf("zt", n * cfg.latent()), eye, n));
        return losses;
    }

    private void encodeImage() {
        FloatBuffer x = buf("img/x", n * t * d);
        ops.dense("img/embed", patches, 0, n * t, p, d, x, 0, false);
        ops.addTable("img/pos", x, 0, n, t, d);
        imgSeg = Segments.uniform(n, t);
        for (TrainBlock b : imgBlocks) {
            b.forward(x, imgSeg);
        }
        FloatBuffer y = buf("img/y", n * t * d);
        FastOps.layerNorm(x, 0, n * t, d, y, 0, buf("img/inv", n * t), 0);
        readout("img", y, t, buf("zi", n * cfg.latent()));
    }

    private void encodeText() {
        FloatBuffer full = buf("txt/full", n * len * d);
        ops.dense("txt/embed", tokens, 0, n * len, Vocabulary.size(), d, full, 0, false);
        ops.addTable("txt/pos", full, 0, n, len, d);
        // Padding is never attended to and is zeroed before the readout (see UnifiedFast): only real tokens count.
        int[] lengths = new int[n];
        FloatBuffer x = buf("txt/x", n * len * d);
        int row = 0;
        for (int s = 0; s < n; s++) {
            for (int q = 0; q < len; q++) {
                if (mask.get(s * len + q) != 0f) {
                    copy(full, (s * len + q) * d, x, row++ * d, d);
                    lengths[s]++;
                }
            }
        }
        txtSeg = Segments.ofLengths(lengths);
        for (TrainBlock b : txtBlocks) {
            b.forward(x, txtSeg);
        }
        FloatBuffer y = buf("txt/y", txtSeg.rows() * d);
        FastOps.layerNorm(x, 0, txtSeg.rows(), d, y, 0, buf("txt/inv", txtSeg.rows()), 0);
        FloatBuffer normed = buf("txt/normed", n * len * d);
        unpack(y, normed);
        readout("txt", normed, len, buf("zt", n * cfg.latent()));
    }

    /** Packed text rows back to [n * len, d], zeros at padding. */
    private void unpack(FloatBuffer packed, FloatBuffer full) {
        int row = 0;
        for (int s = 0; s < n; s++) {
            for (int q = 0; q < len; q++) {
                int at = (s * len + q) * d;
                if (mask.get(s * len + q) != 0f) {
                    copy(packed, row++ * d, full, at, d);
                } else {
                    for (int j = 0; j < d; j++) {
                        full.put(at + j, 0f);
                    }
                }
            }
        }
    }

    /** The reverse of unpack, for gradients: padding rows are dropped. */
    private void pack(FloatBuffer full, FloatBuffer packed) {
        int row = 0;
        for (int s = 0; s < n; s++) {
            for (int q = 0; q < len; q++) {
                if (mask.get(s * len + q) != 0f) {
                    copy(full, (s * len + q) * d, packed, row++ * d, d);
                }
            }
        }
    }

    private void readout(String name, FloatBuffer y, int count, FloatBuffer z) {
        int r = UnifiedModel.READOUT_WIDTH;
        FloatBuffer narrow = buf(name + "/narrow", n * count * r);
        ops.dense(name + "/narrow", y, 0, n * count, d, r, narrow, 0, false);
        ops.dense(name + "/latent", narrow, 0, n, count * r, cfg.latent(), z, 0, false);
    }

    private void decodeImage(FloatBuffer z) {
        int m = 2 * n;
        FloatBuffer e = buf("dec/e", m * t * view);
        ops.dense("dec/expand", z, 0, m, cfg.latent(), t * view, e, 0, false);
        FloatBuffer a = buf("dec/a0", m * t * hidden);
        ops.dense("dec/in", e, 0, m * t, view, hidden, a, 0, false);
        ops.addTable("dec/pos", a, 0, m, t, hidden);
        FloatBuffer g = buf("dec/g0", m * t * hidden);
        BackOps.geluForward(a, g, buf("dec/s0", m * t * hidden), m * t * hidden);
        for (int i = 0; i < cfg.decoderDepth(); i++) {
            FloatBuffer ai = buf("dec/a" + (i + 1), m * t * hidden);
            ops.dense("dec/hidden" + i, g, 0, m * t, hidden, hidden, ai, 0, false);
            g = buf("dec/g" + (i + 1), m * t * hidden);
            BackOps.geluForward(ai, g, buf("dec/s" + (i + 1), m * t * hidden), m * t * hidden);
        }
        ops.dense("dec/out", g, 0, m * t, hidden, p, buf("dec/out", m * t * p), 0, false);
    }

    private void decodeCaption() {
        int e = UnifiedModel.EXPAND_WIDTH;
        FloatBuffer c = buf("cap/c", n * len * e);
        ops.dense("cap/expand", buf("zi", n * cfg.latent()), 0, n, cfg.latent(), len * e, c, 0, false);
        FloatBuffer x = buf("cap/x", n * len * d);
        ops.dense("cap/lift", c, 0, n * len, e, d, x, 0, false);
        ops.addTable("cap/pos", x, 0, n, len, d);
        capSeg = Segments.uniform(n, len);
        for (TrainBlock b : capBlocks) {
            b.forward(x, capSeg);
        }
        FloatBuffer y = buf("cap/y", n * len * d);
        FastOps.layerNorm(x, 0, n * len, d, y, 0, buf("cap/inv", n * len), 0);
        ops.dense("cap/out", y, 0, n * len, d, Vocabulary.size(), buf("cap/logits", n * len * Vocabulary.size()), 0, false);
    }

    // Losses //

    private double mse(FloatBuffer out, int off) {
        double sum = 0;
        int size = n * t * p;
        for (int i = 0; i < size; i++) {
            double diff = out.get(off + i) - patches.get(i);
            sum += diff * diff;
        }
        return sum / size;
    }

    /** -mean over positions of log p(token); keeps softmax(logits) for the backward pass. */
    private double captionLoss() {
        int v = Vocabulary.size();
        FloatBuffer logits = buf("cap/logits", n * len * v);
        FloatBuffer prob = buf("cap/prob", n * len * v);
        double total = 0;
        for (int r = 0; r < n * len; r++) {
            int row = r * v;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < v; j++) {
                max = Math.max(max, logits.get(row + j));
            }
            double sum = 0;
            for (int j = 0; j < v; j++) {
                sum += Math.exp(logits.get(row + j) - max);
            }
            double logSum = Math.log(sum);
            for (int j = 0; j < v; j++) {
                double logp = logits.get(row + j) - max - logSum;
                prob.put(row + j, (float) Math.exp(logp));
                total -= tokens.get(row + j) * logp;
            }
        }
        return total / (n * len);
    }

    // Backward //

    private void backward() {
        int l = cfg.latent();
        Map<String, Double> w = lossWeights;
        FloatBuffer dz = buf("dz", 2 * n * l);
        decodeImageBackward(w.get(UnifiedModel.LOSS_RECON), w.get(UnifiedModel.LOSS_GEN), dz);
        FloatBuffer dzi = buf("dzi", n * l);
        FloatBuffer dzt = buf("dzt", n * l);
        copy(dz, 0, dzi, 0, n * l);
        copy(dz, n * l, dzt, 0, n * l);
        decodeCaptionBackward(w.get(UnifiedModel.LOSS_CAPTION), dzi);
        align.backward(w.get(UnifiedModel.LOSS_ALIGN), buf("zi", n * l), buf("zt", n * l), dzi, dzt);
        encodeImageBackward(dzi);
        encodeTextBackward(dzt);
    }

    private void decodeImageBackward(double wRecon, double wGen, FloatBuffer dz) {
        int m = 2 * n;
        int size = n * t * p;
        FloatBuffer out = buf("dec/out", m * t * p);
        FloatBuffer dOut = buf("dec/dout", m * t * p);
        for (int half = 0; half < 2; half++) {
            float scale = (float) ((half == 0 ? wRecon : wGen) * 2.0 / size);
            for (int i = 0; i < size; i++) {
                dOut.put(half * size + i, (out.get(half * size + i) - patches.get(i)) * scale);
            }
        }
        int depth = cfg.decoderDepth();
        FloatBuffer dg = buf("dec/dg", m * t * hidden);
        back.dense("dec/out", buf("dec/g" + depth, m * t * hidden), 0, m * t, hidden, p, dOut, 0, dg, 0, false);
        FloatBuffer da = buf("dec/da", m * t * hidden);
        for (int i = depth - 1; i >= 0; i--) {
            BackOps.geluBackward(buf("dec/a" + (i + 1), m * t * hidden), buf("dec/s" + (i + 1), m * t * hidden), dg, m * t * hidden);
            back.dense("dec/hidden" + i, buf("dec/g" + i, m * t * hidden), 0, m * t, hidden, hidden, dg, 0, da, 0, false);
            FloatBuffer swap = dg;
            dg = da;
            da = swap;
        }
        BackOps.geluBackward(buf("dec/a0", m * t * hidden), buf("dec/s0", m * t * hidden), dg, m * t * hidden);
        back.table("dec/pos", dg, 0, m, t, hidden);
        FloatBuffer de = buf("dec/de", m * t * view);
        back.dense("dec/in", buf("dec/e", m * t * view), 0, m * t, view, hidden, dg, 0, de, 0, false);
        back.dense("dec/expand", buf("z", m * cfg.latent()), 0, m, cfg.latent(), t * view, de, 0, dz, 0, false);
    }

    private void decodeCaptionBackward(double weight, FloatBuffer dzi) {
        int v = Vocabulary.size();
        int rows = n * len;
        FloatBuffer prob = buf("cap/prob", rows * v);
        FloatBuffer dLogits = buf("cap/dlogits", rows * v);
        float scale = (float) (weight / rows);
        for (int r = 0; r < rows; r++) {
            float targets = rowSum(tokens, r, v); // 1 for a one-hot row; keeps the gradient exact for any targets
            for (int j = r * v; j < (r + 1) * v; j++) {
                dLogits.put(j, (prob.get(j) * targets - tokens.get(j)) * scale);
            }
        }
        FloatBuffer dy = buf("cap/dy", rows * d);
        back.dense("cap/out", buf("cap/y", rows * d), 0, rows, d, v, dLogits, 0, dy, 0, false);
        FloatBuffer dx = buf("cap/dx", rows * d);
        BackOps.layerNorm(buf("cap/y", rows * d), 0, buf("cap/inv", rows), 0, rows, d, dy, 0, dx, 0, false);
        for (int i = capBlocks.size() - 1; i >= 0; i--) {
            capBlocks.get(i).backward(dx);
        }
        back.table("cap/pos", dx, 0, n, len, d);
        int e = UnifiedModel.EXPAND_WIDTH;
        FloatBuffer dc = buf("cap/dc", rows * e);
        back.dense("cap/lift", buf("cap/c", rows * e), 0, rows, e, d, dx, 0, dc, 0, false);
        back.dense("cap/expand", buf("zi", n * cfg.latent()), 0, n, cfg.latent(), len * e, dc, 0, dzi, 0, true);
    }

    private static float rowSum(FloatBuffer x, int row, int width) {
        float s = 0;
        for (int j = 0; j < width; j++) {
            s += x.get(row * width + j);
        }
        return s;
    }

    private void encodeImageBackward(FloatBuffer dzi) {
        FloatBuffer dy = buf("img/dy", n * t * d);
        readoutBackward("img", buf("img/y", n * t * d), t, dzi, dy);
        FloatBuffer dx = buf("img/dx", n * t * d);
        BackOps.layerNorm(buf("img/y", n * t * d), 0, buf("img/inv", n * t), 0, n * t, d, dy, 0, dx, 0, false);
        for (int i = imgBlocks.size() - 1; i >= 0; i--) {
            imgBlocks.get(i).backward(dx);
        }
        back.table("img/pos", dx, 0, n, t, d);
        back.dense("img/embed", patches, 0, n * t, p, d, dx, 0, null, 0, false);
    }

    private void encodeTextBackward(FloatBuffer dzt) {
        FloatBuffer dNormed = buf("txt/dnormed", n * len * d);
        readoutBackward("txt", buf("txt/normed", n * len * d), len, dzt, dNormed);
        int rows = txtSeg.rows();
        FloatBuffer dy = buf("txt/dy", rows * d);
        pack(dNormed, dy);
        FloatBuffer dx = buf("txt/dx", rows * d);
        BackOps.layerNorm(buf("txt/y", rows * d), 0, buf("txt/inv", rows), 0, rows, d, dy, 0, dx, 0, false);
        for (int i = txtBlocks.size() - 1; i >= 0; i--) {
            txtBlocks.get(i).backward(dx);
        }
        FloatBuffer dFull = buf("txt/dfull", n * len * d);
        unpack(dx, dFull);
        back.table("txt/pos", dFull, 0, n, len, d);
        back.dense("txt/embed", tokens, 0, n * len, Vocabulary.size(), d, dFull, 0, null, 0, false);
    }

    private void readoutBackward(String name, FloatBuffer y, int count, FloatBuffer dz, FloatBuffer dy) {
        int r = UnifiedModel.READOUT_WIDTH;
        FloatBuffer dNarrow = buf(name + "/dnarrow", n * count * r);
        back.dense(name + "/latent", buf(name + "/narrow", n * count * r), 0, n, count * r, cfg.latent(), dz, 0, dNarrow, 0, false);
        back.dense(name + "/narrow", y, 0, n * count, d, r, dNarrow, 0, dy, 0, false);
    }

    // Helpers //

    private static void copy(FloatBuffer from, int fromOff, FloatBuffer to, int toOff, int count) {
        for (int i = 0; i < count; i++) {
            to.put(toOff + i, from.get(fromOff + i));
        }
    }
}
