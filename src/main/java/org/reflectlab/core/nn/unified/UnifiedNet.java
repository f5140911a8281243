package org.reflectlab.core.nn.unified;

import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.data.Vocabulary;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.nn.fast.FastOps;
import org.reflectlab.core.nn.fast.Grads;
import org.reflectlab.core.nn.fast.Mat;
import org.reflectlab.core.nn.fast.Slot;

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
    private final UnifiedParts.ImageEncoder image;
    private final UnifiedParts.TextEncoder text;
    private final UnifiedParts.ImageDecoder decoder;
    private final UnifiedParts.CaptionDecoder caption;

    private UnifiedNet(UnifiedConfig cfg, Params params, Grads grads) {
        this.cfg = cfg;
        this.ops = new FastOps(params);
        this.grads = grads;
        if (grads != null) {
            ops.train(grads);
        }
        UnifiedParts parts = new UnifiedParts(cfg, ops);
        this.image = parts.image;
        this.text = parts.text;
        this.decoder = parts.decoder;
        this.caption = parts.caption;
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
     * Forward and backward on one batch (placeholders in {@link UnifiedModel#features()} order): the
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

    /**
     * A step that trains the image decoder alone (its encoders frozen): the image encoder's forward,
     * the reconstruction through the decoder and back to the latent, nothing else. Only the
     * reconstruction loss is reported; the gradients of every other parameter stay zero. It costs a
     * third of a full step, which a run that updates only the decoder would spend on gradients it throws away.
     */
    public synchronized Map<String, Double> decoderStep(INDArray[] f) {
        if (grads == null) {
            throw new IllegalStateException("an inference path cannot train");
        }
        try {
            int n = (int) f[0].size(0);
            int t = cfg.imageTokens();
            int p = cfg.patchWidth();
            Mat patches = ops.inputMat(f[0], n * t, p);
            Mat zi = image.forward(patches, n);
            Mat z = zBoth.mat(n, cfg.latent());
            zi.copyTo(z);
            if (cfg.noisyLatent()) {
                addInto(z, ops.inputMat(f[4], n, cfg.latent()));
            }
            Mat out = decoder.forward(z);
            Mat dOut = dOutSlot.mat(n * t, p);
            double recon = imageLoss(out, patches, dOut, UnifiedModel.lossWeights(cfg).get(UnifiedModel.LOSS_RECON),
                    (float) cfg.foregroundWeight());
            grads.zero();
            decoder.backward(dOut);
            return Map.of(UnifiedModel.LOSS_RECON, recon);
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
        if (cfg.noisyLatent()) {
            // the reconstruction decodes a noisy image latent; its gradient reaches zi unchanged
            addInto(z.rows(0, n), ops.inputMat(f[4], n, l));
        }
        Mat out = decoder.forward(z);
        Mat logits = caption.forward(zi);

        Map<String, Double> losses = new LinkedHashMap<>();
        Map<String, Double> w = UnifiedModel.lossWeights(cfg);
        Mat dOut = dOutSlot.mat(2 * n * t, p);
        losses.put(UnifiedModel.LOSS_RECON, imageLoss(out.rows(0, n * t), patches, dOut.rows(0, n * t), w.get(UnifiedModel.LOSS_RECON),
                (float) cfg.foregroundWeight()));
        losses.put(UnifiedModel.LOSS_GEN, imageLoss(out.rows(n * t, n * t), patches, dOut.rows(n * t, n * t), w.get(UnifiedModel.LOSS_GEN), 0f));
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

    private static void addInto(Mat into, Mat add) {
        for (int r = 0; r < into.rows(); r++) {
            for (int c = 0; c < into.cols(); c++) {
                into.set(r, c, into.get(r, c) + add.get(r, c));
            }
        }
    }

    /**
     * Mean squared error of out against target (patch rows), foreground pixels weighted 1 + lambda as
     * {@link UnifiedGraphs} does; its gradient, times the loss weight, into grad.
     */
    private double imageLoss(Mat out, Mat target, Mat grad, double weight, float lambda) {
        int size = out.size();
        float scale = (float) (weight * 2.0 / size);
        double sum = 0;
        FloatBuffer o = out.buf();
        FloatBuffer tg = target.buf();
        FloatBuffer g = grad.buf();
        int width = out.cols();
        int pp = width / 3;
        for (int r = 0; r < out.rows(); r++) {
            int row = r * width;
            for (int j = 0; j < pp; j++) {
                float pixelWeight = lambda != 0 && ForegroundWeights.foreground(tg, target.off() + row, pp, j) ? 1 + lambda : 1;
                for (int c = 0; c < 3; c++) {
                    int i = row + c * pp + j;
                    float diff = o.get(out.off() + i) - tg.get(target.off() + i);
                    sum += (double) pixelWeight * diff * diff;
                    g.put(grad.off() + i, pixelWeight * diff * scale);
                }
            }
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
}
