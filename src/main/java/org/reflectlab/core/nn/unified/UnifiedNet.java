package org.reflectlab.core.nn.unified;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.data.Vocabulary;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.nn.fast.Block;
import org.reflectlab.core.nn.fast.Dense;
import org.reflectlab.core.nn.fast.FastOps;
import org.reflectlab.core.nn.fast.Gelu;
import org.reflectlab.core.nn.fast.Grads;
import org.reflectlab.core.nn.fast.LayerNorm;
import org.reflectlab.core.nn.fast.Mat;
import org.reflectlab.core.nn.fast.Packing;
import org.reflectlab.core.nn.fast.Segments;
import org.reflectlab.core.nn.fast.Slot;
import org.reflectlab.core.nn.fast.Table;

/**
 * The unified model on the fast path, written once: the same layers, names and weights as
 * {@link UnifiedModel}'s graphs, built from the fast path's modules. Inference calls the encoders
 * and decoders one at a time; a training step runs them all, computes the four losses of
 * {@link UnifiedModel#trainingGraph()} and walks back through the same modules, which kept what
 * their backward passes need. {@code UnifiedFastTest} and {@code UnifiedBackpropTest} hold outputs,
 * losses and every gradient to SameDiff's.
 *
 * <p>Each instance owns its buffers: calls are serialised, and a training instance belongs to its
 * training thread.
 */
public final class UnifiedNet {

    private final UnifiedConfig cfg;
    private final FastOps ops;
    private final Grads grads;
    private final ImageEncoder image;
    private final TextEncoder text;
    private final ImageDecoder decoder;
    private final CaptionDecoder caption;

    private UnifiedNet(UnifiedConfig cfg, Params params, Grads grads) {
        this.cfg = cfg;
        this.ops = new FastOps(params);
        this.grads = grads;
        if (grads != null) {
            ops.train(grads);
        }
        this.image = new ImageEncoder();
        this.text = new TextEncoder();
        this.decoder = cfg.spatial() ? new SpatialDecoder() : new VectorDecoder();
        this.caption = new CaptionDecoder();
    }

    /** An inference path over the model's weights. */
    static UnifiedNet inference(UnifiedConfig cfg, Params params) {
        return new UnifiedNet(cfg, params, null);
    }

    /** A training path: {@link #step} leaves every parameter's gradient in {@link #grads()}. */
    public static UnifiedNet training(UnifiedModel model) {
        return new UnifiedNet(model.config(), model.params(), new Grads(model.params()));
    }

    public Grads grads() {
        return grads;
    }

    // Inference //

    /** Runs {@code body} with the probe attached to this path (serialised with every other call). */
    synchronized <T> T probed(FastOps.AttentionProbe probe, java.util.function.Supplier<T> body) {
        ops.probe(probe);
        try {
            return body.get();
        } finally {
            ops.probe(null);
        }
    }

    /** Patches [n, tokens, patchWidth] -> latents [n, latent]. */
    synchronized INDArray imageLatents(INDArray patches) {
        try {
            int n = (int) patches.size(0);
            return FastOps.toArray(image.forward(ops.inputMat(patches, n * cfg.imageTokens(), cfg.patchWidth()), n), n, cfg.latent());
        } finally {
            ops.release();
        }
    }

    /** One-hot tokens [n, len, vocab] and mask [n, len] -> latents [n, latent]. */
    synchronized INDArray textLatents(INDArray tokens, INDArray mask) {
        try {
            int n = (int) tokens.size(0);
            int len = Vocabulary.MAX_TOKENS;
            Mat z = text.forward(ops.inputMat(tokens, n * len, Vocabulary.size()), ops.inputMat(mask, n, len));
            return FastOps.toArray(z, n, cfg.latent());
        } finally {
            ops.release();
        }
    }

    /** Latents [n, latent] -> patches [n, tokens, patchWidth]. */
    synchronized INDArray decodeImage(INDArray z) {
        try {
            int n = (int) z.size(0);
            return FastOps.toArray(decoder.forward(ops.inputMat(z, n, cfg.latent())), n, cfg.imageTokens(), cfg.patchWidth());
        } finally {
            ops.release();
        }
    }

    /** Latents [n, latent] -> caption logits [n, len, vocab]. */
    synchronized INDArray decodeCaption(INDArray z) {
        try {
            int n = (int) z.size(0);
            return FastOps.toArray(caption.forward(ops.inputMat(z, n, cfg.latent())), n, Vocabulary.MAX_TOKENS, Vocabulary.size());
        } finally {
            ops.release();
        }
    }

    // Training //

    private final Slot zBoth = new Slot();
    private final Slot dOutSlot = new Slot();
    private final Slot dziSlot = new Slot();
    private final Slot dztSlot = new Slot();
    private final Slot probSlot = new Slot();
    private final Slot dLogitsSlot = new Slot();
    private ContrastiveLoss align;

    /**
     * Forward and backward on one batch (placeholders in {@link UnifiedModel#FEATURES} order): the
     * loss components by name (unweighted, as the graph names them); gradients of the weighted total
     * are left in {@link #grads()} (zeroed first).
     */
    public synchronized Map<String, Double> step(INDArray[] f) {
        if (grads == null) {
            throw new IllegalStateException("an inference path cannot train");
        }
        try {
            return trainStep(f);
        } finally {
            ops.release();
        }
    }

    private Map<String, Double> trainStep(INDArray[] f) {
        int n = (int) f[0].size(0);
        int t = cfg.imageTokens();
        int p = cfg.patchWidth();
        int len = Vocabulary.MAX_TOKENS;
        int v = Vocabulary.size();
        int l = cfg.latent();
        Mat patches = ops.inputMat(f[0], n * t, p);
        Mat tokens = ops.inputMat(f[1], n * len, v);
        Mat mask = ops.inputMat(f[2], n, len);
        FloatBuffer eye = ops.input(f[3]);
        if (align == null) {
            align = new ContrastiveLoss(l, cfg.temperature());
        }

        Mat zi = image.forward(patches, n);
        Mat zt = text.forward(tokens, mask);
        Mat z = zBoth.mat(2 * n, l);
        zi.copyTo(z.rows(0, n));
        zt.copyTo(z.rows(n, n));
        Mat out = decoder.forward(z);
        Mat logits = caption.forward(zi);

        Map<String, Double> losses = new LinkedHashMap<>();
        Map<String, Double> w = lossWeightsOf(cfg);
        Mat dOut = dOutSlot.mat(2 * n * t, p);
        losses.put(UnifiedModel.LOSS_RECON, mse(out.rows(0, n * t), patches, dOut.rows(0, n * t), w.get(UnifiedModel.LOSS_RECON)));
        losses.put(UnifiedModel.LOSS_GEN, mse(out.rows(n * t, n * t), patches, dOut.rows(n * t, n * t), w.get(UnifiedModel.LOSS_GEN)));
        Mat dLogits = dLogitsSlot.mat(n * len, v);
        losses.put(UnifiedModel.LOSS_CAPTION, crossEntropy(logits, tokens, dLogits, w.get(UnifiedModel.LOSS_CAPTION)));
        losses.put(UnifiedModel.LOSS_ALIGN, align.forward(zi.buf(), zt.buf(), eye, n));

        grads.zero();
        Mat dz = decoder.backward(dOut);
        Mat dzi = dziSlot.mat(n, l);
        Mat dzt = dztSlot.mat(n, l);
        dz.rows(0, n).copyTo(dzi);
        dz.rows(n, n).copyTo(dzt);
        caption.backward(dLogits, dzi);
        align.backward(w.get(UnifiedModel.LOSS_ALIGN), zi.buf(), zt.buf(), dzi.buf(), dzt.buf());
        image.backward(dzi);
        text.backward(dzt);
        return losses;
    }

    private static Map<String, Double> lossWeightsOf(UnifiedConfig c) {
        return Map.of(UnifiedModel.LOSS_RECON, c.reconWeight(), UnifiedModel.LOSS_GEN, c.generationWeight(),
                UnifiedModel.LOSS_CAPTION, c.captionWeight(), UnifiedModel.LOSS_ALIGN, c.alignWeight());
    }

    /** Mean squared error of out against target; its weighted gradient into grad. */
    private static double mse(Mat out, Mat target, Mat grad, double weight) {
        int size = out.size();
        float scale = (float) (weight * 2.0 / size);
        double sum = 0;
        FloatBuffer o = out.buf();
        FloatBuffer tg = target.buf();
        FloatBuffer g = grad.buf();
        for (int i = 0; i < size; i++) {
            float diff = o.get(out.off() + i) - tg.get(target.off() + i);
            sum += (double) diff * diff;
            g.put(grad.off() + i, diff * scale);
        }
        return sum / size;
    }

    /** -mean over positions of sum(targets * log softmax(logits)); its weighted gradient into dLogits. */
    private double crossEntropy(Mat logits, Mat targets, Mat dLogits, double weight) {
        int rows = logits.rows();
        int v = logits.cols();
        Mat prob = probSlot.mat(rows, v);
        double total = 0;
        float scale = (float) (weight / rows);
        for (int r = 0; r < rows; r++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < v; j++) {
                max = Math.max(max, logits.get(r, j));
            }
            double sum = 0;
            for (int j = 0; j < v; j++) {
                sum += Math.exp(logits.get(r, j) - max);
            }
            double logSum = Math.log(sum);
            float targetSum = 0;
            for (int j = 0; j < v; j++) {
                double logp = logits.get(r, j) - max - logSum;
                prob.set(r, j, (float) Math.exp(logp));
                total -= targets.get(r, j) * logp;
                targetSum += targets.get(r, j);
            }
            // targetSum is 1 for a one-hot row; kept so the gradient is exact for any targets
            for (int j = 0; j < v; j++) {
                dLogits.set(r, j, (prob.get(r, j) * targetSum - targets.get(r, j)) * scale);
            }
        }
        return total / rows;
    }

    // Parts //

    private List<Block> blocks(String prefix, int depth) {
        List<Block> list = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            list.add(new Block(ops, prefix + i, cfg.width(), cfg.heads()));
        }
        return list;
    }

    private static void forward(List<Block> blocks, Mat x, Segments seg) {
        for (Block b : blocks) {
            b.forward(x, seg);
        }
    }

    private static void backward(List<Block> blocks, Mat dx) {
        for (int i = blocks.size() - 1; i >= 0; i--) {
            blocks.get(i).backward(dx);
        }
    }

    /**
     * Tokens [n * count, width] -> latent [n, latent] through a position-aware linear map (each token
     * narrowed, then all of them flattened), as {@code UnifiedModel.readout}.
     */
    private final class Readout {
        private final Dense narrow;
        private final Dense latent;
        private final int count;
        private final Slot dNarrow = new Slot();
        private final Slot dTokens = new Slot();

        Readout(String name, int count) {
            this.count = count;
            this.narrow = new Dense(ops, name + "/narrow", cfg.width(), UnifiedModel.READOUT_WIDTH);
            this.latent = new Dense(ops, name + "/latent", count * UnifiedModel.READOUT_WIDTH, cfg.latent());
        }

        Mat forward(Mat tokens, int n) {
            return latent.forward(narrow.forward(tokens).as(n, count * UnifiedModel.READOUT_WIDTH));
        }

        Mat backward(Mat dz) {
            int n = dz.rows();
            Mat dn = dNarrow.mat(n, count * UnifiedModel.READOUT_WIDTH);
            latent.backward(dz, dn, false);
            Mat dt = dTokens.mat(n * count, cfg.width());
            narrow.backward(dn.as(n * count, UnifiedModel.READOUT_WIDTH), dt, false);
            return dt;
        }
    }

    /** Patches -> transformer -> the latent: one vector (readout) or one small vector per patch (spatial). */
    private final class ImageEncoder {
        private final Dense embed = new Dense(ops, "img/embed", cfg.patchWidth(), cfg.width());
        private final Table pos = new Table(ops, "img/pos", cfg.imageTokens());
        private final List<Block> blocks = blocks("img/block", cfg.imageDepth());
        private final LayerNorm ln = new LayerNorm();
        private final Readout readout = cfg.spatial() ? null : new Readout("img", cfg.imageTokens());
        private final Dense perToken = cfg.spatial() ? new Dense(ops, "img/latent", cfg.width(), cfg.latentChannels()) : null;
        private final Slot dxSlot = new Slot();
        private final Slot dySlot = new Slot();

        Mat forward(Mat patches, int n) {
            Mat x = embed.forward(patches);
            pos.forward(x);
            UnifiedNet.forward(blocks, x, Segments.uniform(n, cfg.imageTokens()));
            Mat y = ln.forward(x);
            return cfg.spatial() ? perToken.forward(y).as(n, cfg.latent()) : readout.forward(y, n);
        }

        void backward(Mat dz) {
            int rows = dz.rows() * cfg.imageTokens();
            Mat dy;
            if (cfg.spatial()) {
                dy = dySlot.mat(rows, cfg.width());
                perToken.backward(dz.as(rows, cfg.latentChannels()), dy, false);
            } else {
                dy = readout.backward(dz);
            }
            Mat dx = dxSlot.mat(rows, cfg.width());
            ln.backward(dy, dx, false);
            UnifiedNet.backward(blocks, dx);
            pos.backward(dx);
            embed.backward(dx, null, false);
        }
    }

    /** Caption tokens -> transformer over the real tokens only -> the latent (readout). */
    private final class TextEncoder {
        private final int len = Vocabulary.MAX_TOKENS;
        private final Dense embed = new Dense(ops, "txt/embed", Vocabulary.size(), cfg.width());
        private final Table pos = new Table(ops, "txt/pos", len);
        private final List<Block> blocks = blocks("txt/block", cfg.textDepth());
        private final LayerNorm ln = new LayerNorm();
        private final Readout readout = new Readout("txt", len);
        private final Packing packing = new Packing();
        private final Slot normedSlot = new Slot();
        private final Slot dySlot = new Slot();
        private final Slot dxSlot = new Slot();
        private final Slot dFullSlot = new Slot();
        private int n;

        Mat forward(Mat tokens, Mat mask) {
            n = mask.rows();
            Mat full = embed.forward(tokens);
            pos.forward(full);
            // Padding is never attended to and is zeroed before the readout: only real tokens are computed.
            Segments seg = packing.plan(mask);
            Mat x = packing.pack(full);
            UnifiedNet.forward(blocks, x, seg);
            Mat normed = normedSlot.mat(n * len, cfg.width());
            packing.unpack(ln.forward(x), normed);
            return readout.forward(normed, n);
        }

        void backward(Mat dz) {
            Mat dNormed = readout.backward(dz);
            int rows = packing.segments().rows();
            Mat dy = dySlot.mat(rows, cfg.width());
            packing.pack(dNormed, dy);
            Mat dx = dxSlot.mat(rows, cfg.width());
            ln.backward(dy, dx, false);
            UnifiedNet.backward(blocks, dx);
            Mat dFull = dFullSlot.mat(n * len, cfg.width());
            packing.unpack(dx, dFull);
            pos.backward(dFull);
            embed.backward(dFull, null, false);
        }
    }

    private interface ImageDecoder {
        /** Latents [m, latent] -> patches [m * tokens, patchWidth]. */
        Mat forward(Mat z);

        /** The gradient of the latents from that of the patches. */
        Mat backward(Mat dOut);
    }

    /** Latent grid -> transformer over the latent tokens -> each token's patch (spatial latents). */
    private final class SpatialDecoder implements ImageDecoder {
        private final int t = cfg.imageTokens();
        private final Dense in = new Dense(ops, "dec/in", cfg.latentChannels(), cfg.width());
        private final Table pos = new Table(ops, "dec/pos", t);
        private final List<Block> blocks = blocks("dec/block", cfg.decoderDepth());
        private final LayerNorm ln = new LayerNorm();
        private final Dense out = new Dense(ops, "dec/out", cfg.width(), cfg.patchWidth());
        private final Slot dySlot = new Slot();
        private final Slot dxSlot = new Slot();
        private final Slot dzSlot = new Slot();

        @Override
        public Mat forward(Mat z) {
            int m = z.rows();
            Mat x = in.forward(z.as(m * t, cfg.latentChannels()));
            pos.forward(x);
            UnifiedNet.forward(blocks, x, Segments.uniform(m, t));
            return out.forward(ln.forward(x));
        }

        @Override
        public Mat backward(Mat dOut) {
            int rows = dOut.rows();
            Mat dy = dySlot.mat(rows, cfg.width());
            out.backward(dOut, dy, false);
            Mat dx = dxSlot.mat(rows, cfg.width());
            ln.backward(dy, dx, false);
            UnifiedNet.backward(blocks, dx);
            pos.backward(dx);
            Mat dz = dzSlot.mat(rows / t, cfg.latent());
            in.backward(dx, dz.as(rows, cfg.latentChannels()), false);
            return dz;
        }
    }

    /**
     * One latent vector -> a per-position MLP (each patch position its own linear view of the latent,
     * then shared GELU layers with a learned position bias): the decoder of vector latents.
     */
    private final class VectorDecoder implements ImageDecoder {
        private final int t = cfg.imageTokens();
        private final int view = UnifiedModel.DECODER_VIEW;
        private final int h = 2 * cfg.width();
        private final Dense expand = new Dense(ops, "dec/expand", cfg.latent(), t * view);
        private final Dense in = new Dense(ops, "dec/in", view, h);
        private final Table pos = new Table(ops, "dec/pos", t);
        private final List<Dense> hidden = new ArrayList<>();
        private final List<Gelu> gelus = new ArrayList<>();
        private final Dense out = new Dense(ops, "dec/out", h, cfg.patchWidth());
        private final Slot dA = new Slot();
        private final Slot dB = new Slot();
        private final Slot dE = new Slot();
        private final Slot dzSlot = new Slot();

        VectorDecoder() {
            gelus.add(new Gelu());
            for (int i = 0; i < cfg.decoderDepth(); i++) {
                hidden.add(new Dense(ops, "dec/hidden" + i, h, h));
                gelus.add(new Gelu());
            }
        }

        @Override
        public Mat forward(Mat z) {
            int m = z.rows();
            Mat a = in.forward(expand.forward(z).as(m * t, view));
            pos.forward(a);
            Mat g = gelus.get(0).forward(a);
            for (int i = 0; i < hidden.size(); i++) {
                g = gelus.get(i + 1).forward(hidden.get(i).forward(g));
            }
            return out.forward(g);
        }

        @Override
        public Mat backward(Mat dOut) {
            int rows = dOut.rows();
            Mat dg = dA.mat(rows, h);
            Mat other = dB.mat(rows, h);
            out.backward(dOut, dg, false);
            for (int i = hidden.size() - 1; i >= 0; i--) {
                gelus.get(i + 1).backward(dg);
                hidden.get(i).backward(dg, other, false);
                Mat swap = dg;
                dg = other;
                other = swap;
            }
            gelus.get(0).backward(dg);
            pos.backward(dg);
            Mat de = dE.mat(rows, view);
            in.backward(dg, de, false);
            Mat dz = dzSlot.mat(rows / t, cfg.latent());
            expand.backward(de.as(rows / t, t * view), dz, false);
            return dz;
        }
    }

    /** Latent -> each caption position its own view of it -> transformer -> token logits (all positions at once). */
    private final class CaptionDecoder {
        private final int len = Vocabulary.MAX_TOKENS;
        private final int e = UnifiedModel.EXPAND_WIDTH;
        private final Dense expand = new Dense(ops, "cap/expand", cfg.latent(), len * e);
        private final Dense lift = new Dense(ops, "cap/lift", e, cfg.width());
        private final Table pos = new Table(ops, "cap/pos", len);
        private final List<Block> blocks = blocks("cap/block", cfg.captionDepth());
        private final LayerNorm ln = new LayerNorm();
        private final Dense out = new Dense(ops, "cap/out", cfg.width(), Vocabulary.size());
        private final Slot dySlot = new Slot();
        private final Slot dxSlot = new Slot();
        private final Slot dcSlot = new Slot();

        /** Latents [n, latent] -> logits [n * len, vocab]. */
        Mat forward(Mat z) {
            int n = z.rows();
            Mat x = lift.forward(expand.forward(z).as(n * len, e));
            pos.forward(x);
            UnifiedNet.forward(blocks, x, Segments.uniform(n, len));
            return out.forward(ln.forward(x));
        }

        /** Adds the latents' gradient to dz. */
        void backward(Mat dLogits, Mat dz) {
            int rows = dLogits.rows();
            Mat dy = dySlot.mat(rows, cfg.width());
            out.backward(dLogits, dy, false);
            Mat dx = dxSlot.mat(rows, cfg.width());
            ln.backward(dy, dx, false);
            UnifiedNet.backward(blocks, dx);
            pos.backward(dx);
            Mat dc = dcSlot.mat(rows, e);
            lift.backward(dx, dc, false);
            expand.backward(dc.as(rows / len, len * e), dz, true);
        }
    }
}
