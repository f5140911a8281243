package org.reflectlab.core.nn.unified;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.data.Vocabulary;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.nn.fast.FastOps;
import org.reflectlab.core.nn.fast.Segments;

/**
 * The unified model's encoders and decoders on the fast inference path ({@link FastOps}): the
 * same layers, names and weights as {@link UnifiedModel}'s graphs, computed without SameDiff's
 * per-op session. Its scratch buffers are its own, so calls are serialised (a model shared by two
 * threads, e.g. a background task and the UI's, stays correct). {@code UnifiedFastTest} holds it to the graph's outputs.
 */
final class UnifiedFast {

    private final UnifiedConfig cfg;
    private final FastOps ops;

    UnifiedFast(UnifiedConfig cfg, Params params) {
        this.cfg = cfg;
        this.ops = new FastOps(params);
    }

    /** Runs {@code body} with the probe attached to this path's ops (serialised with every other call). */
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
            return imageLatentsUnreleased(patches);
        } finally {
            ops.release();
        }
    }

    private INDArray imageLatentsUnreleased(INDArray patches) {
        int n = (int) patches.size(0);
        int t = cfg.imageTokens();
        int d = cfg.width();
        FloatBuffer x = ops.scratch("img/x", n * t * d);
        ops.dense("img/embed", ops.input(patches), 0, n * t, cfg.patchWidth(), d, x, 0, false);
        ops.addTable("img/pos", x, 0, n, t, d);
        for (int i = 0; i < cfg.imageDepth(); i++) {
            ops.block("img/block" + i, x, n, t, d, cfg.heads(), null);
        }
        FloatBuffer normed = ops.scratch("img/normed", n * t * d);
        FastOps.layerNorm(x, 0, n * t, d, normed, 0);
        return readout("img", normed, n, t);
    }

    /** One-hot tokens [n, len, vocab] and mask [n, len] -> latents [n, latent]. */
    synchronized INDArray textLatents(INDArray tokens, INDArray mask) {
        try {
            return textLatentsUnreleased(tokens, mask);
        } finally {
            ops.release();
        }
    }

    private INDArray textLatentsUnreleased(INDArray tokens, INDArray mask) {
        int n = (int) tokens.size(0);
        int len = Vocabulary.MAX_TOKENS;
        int d = cfg.width();
        FloatBuffer m = ops.input(mask);
        FloatBuffer x = ops.scratch("txt/x", n * len * d);
        ops.dense("txt/embed", ops.input(tokens), 0, n * len, Vocabulary.size(), d, x, 0, false);
        ops.addTable("txt/pos", x, 0, n, len, d);
        // Padding is never attended to and is zeroed before the readout: only real tokens are computed.
        int[] lengths = new int[n];
        FloatBuffer packed = ops.scratch("txt/packed", n * len * d);
        int row = 0;
        for (int s = 0; s < n; s++) {
            for (int p = 0; p < len; p++) {
                if (m.get(s * len + p) != 0f) {
                    copyRow(x, s * len + p, packed, row++, d);
                    lengths[s]++;
                }
            }
        }
        Segments seg = Segments.ofLengths(lengths);
        for (int i = 0; i < cfg.textDepth(); i++) {
            ops.block("txt/block" + i, packed, seg, d, cfg.heads(), null);
        }
        FastOps.layerNorm(packed, 0, seg.rows(), d, packed, 0);
        FloatBuffer normed = ops.scratch("txt/normed", n * len * d);
        row = 0;
        for (int s = 0; s < n; s++) {
            for (int p = 0; p < len; p++) {
                if (m.get(s * len + p) != 0f) {
                    copyRow(packed, row++, normed, s * len + p, d);
                } else {
                    for (int j = 0; j < d; j++) {
                        normed.put((s * len + p) * d + j, 0f);
                    }
                }
            }
        }
        return readout("txt", normed, n, len);
    }

    private static void copyRow(FloatBuffer from, int fromRow, FloatBuffer to, int toRow, int d) {
        for (int j = 0; j < d; j++) {
            to.put(toRow * d + j, from.get(fromRow * d + j));
        }
    }

    private INDArray readout(String name, FloatBuffer tokens, int n, int count) {
        int r = UnifiedModel.READOUT_WIDTH;
        FloatBuffer narrow = ops.scratch(name + "/narrow", n * count * r);
        ops.dense(name + "/narrow", tokens, 0, n * count, cfg.width(), r, narrow, 0, false);
        FloatBuffer z = ops.scratch(name + "/z", n * cfg.latent());
        ops.dense(name + "/latent", narrow, 0, n, count * r, cfg.latent(), z, 0, false);
        return FastOps.toArray(z, 0, n, cfg.latent());
    }

    /** Latents [n, latent] -> patches [n, tokens, patchWidth]. */
    synchronized INDArray decodeImage(INDArray z) {
        try {
            return decodeImageUnreleased(z);
        } finally {
            ops.release();
        }
    }

    private INDArray decodeImageUnreleased(INDArray z) {
        int n = (int) z.size(0);
        int t = cfg.imageTokens();
        int view = UnifiedModel.DECODER_VIEW;
        int h = 2 * cfg.width();
        FloatBuffer expanded = ops.scratch("dec/view", n * t * view);
        ops.dense("dec/expand", ops.input(z), 0, n, cfg.latent(), t * view, expanded, 0, false);
        FloatBuffer x = ops.scratch("dec/x", n * t * h);
        ops.dense("dec/in", expanded, 0, n * t, view, h, x, 0, false);
        ops.addTable("dec/pos", x, 0, n, t, h);
        FastOps.gelu(x, 0, n * t * h);
        FloatBuffer y = ops.scratch("dec/y", n * t * h);
        for (int i = 0; i < cfg.decoderDepth(); i++) {
            ops.dense("dec/hidden" + i, x, 0, n * t, h, h, y, 0, false);
            FastOps.gelu(y, 0, n * t * h);
            FloatBuffer swap = x;
            x = y;
            y = swap;
        }
        FloatBuffer out = ops.scratch("dec/out", n * t * cfg.patchWidth());
        ops.dense("dec/out", x, 0, n * t, h, cfg.patchWidth(), out, 0, false);
        return FastOps.toArray(out, 0, n, t, cfg.patchWidth());
    }

    /** Latents [n, latent] -> caption logits [n, len, vocab]. */
    synchronized INDArray decodeCaption(INDArray z) {
        try {
            return decodeCaptionUnreleased(z);
        } finally {
            ops.release();
        }
    }

    private INDArray decodeCaptionUnreleased(INDArray z) {
        int n = (int) z.size(0);
        int len = Vocabulary.MAX_TOKENS;
        int e = UnifiedModel.EXPAND_WIDTH;
        int d = cfg.width();
        int v = Vocabulary.size();
        FloatBuffer expanded = ops.scratch("cap/view", n * len * e);
        ops.dense("cap/expand", ops.input(z), 0, n, cfg.latent(), len * e, expanded, 0, false);
        FloatBuffer x = ops.scratch("cap/x", n * len * d);
        ops.dense("cap/lift", expanded, 0, n * len, e, d, x, 0, false);
        ops.addTable("cap/pos", x, 0, n, len, d);
        for (int i = 0; i < cfg.captionDepth(); i++) {
            ops.block("cap/block" + i, x, n, len, d, cfg.heads(), null);
        }
        FloatBuffer normed = ops.scratch("cap/normed", n * len * d);
        FastOps.layerNorm(x, 0, n * len, d, normed, 0);
        FloatBuffer logits = ops.scratch("cap/logits", n * len * v);
        ops.dense("cap/out", normed, 0, n * len, d, v, logits, 0, false);
        return FastOps.toArray(logits, 0, n, len, v);
    }
}
