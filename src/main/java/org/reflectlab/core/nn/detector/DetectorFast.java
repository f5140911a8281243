package org.reflectlab.core.nn.detector;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.data.Patches;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.nn.fast.FastOps;

/**
 * The detector's four logit heads on the fast inference path, for either architecture: the same
 * input as {@link Detector#input}, the graph's logits out ([batch, 9, classes] each, in the order
 * presence, shape, color, size), without SameDiff's per-op session.
 * Calls are serialised: the scratch buffers are the instance's own.
 */
final class DetectorFast {

    private final DetectorConfig cfg;
    private final FastOps ops;

    DetectorFast(DetectorConfig cfg, Params params) {
        this.cfg = cfg;
        this.ops = new FastOps(params);
    }

    /** The logits of each head, in {@code heads} order, as [batch * 9 * classes] row-major arrays. */
    synchronized float[][] logits(INDArray input, String[] heads, int[] classes) {
        try {
            return logitsUnreleased(input, heads, classes);
        } finally {
            ops.release();
        }
    }

    private float[][] logitsUnreleased(INDArray input, String[] heads, int[] classes) {
        FloatBuffer view = ops.input(input);
        int n = (int) input.size(0);
        boolean vit = cfg.arch() == DetectorConfig.Arch.VIT;
        FloatBuffer hidden = vit ? vitTrunk(view, n) : cropTrunk(view, n);
        int rows = vit ? n : n * Detector.CELLS;
        float[][] out = new float[heads.length][];
        for (int k = 0; k < heads.length; k++) {
            int width = vit ? Detector.CELLS * classes[k] : classes[k];
            FloatBuffer y = ops.scratch("head", rows * width);
            ops.dense("head/" + heads[k], hidden, 0, rows, cfg.hidden(), width, y, 0, false);
            out[k] = new float[rows * width];
            y.get(0, out[k]);
        }
        return out;
    }

    private FloatBuffer vitTrunk(FloatBuffer patches, int n) {
        int t = Patches.tokens(cfg.imageSize(), 4);
        int d = cfg.width();
        int r = Detector.READOUT;
        FloatBuffer x = ops.scratch("x", n * t * d);
        ops.dense("vit/embed", patches, 0, n * t, Patches.tokenWidth(4), d, x, 0, false);
        ops.addTable("vit/pos", x, 0, n, t, d);
        for (int i = 0; i < cfg.depth(); i++) {
            ops.block("vit/block" + i, x, n, t, d, 4, null);
        }
        FloatBuffer normed = ops.scratch("normed", n * t * d);
        FastOps.layerNorm(x, 0, n * t, d, normed, 0);
        FloatBuffer narrow = ops.scratch("narrow", n * t * r);
        ops.dense("vit/narrow", normed, 0, n * t, d, r, narrow, 0, false);
        FloatBuffer hidden = ops.scratch("hidden", n * cfg.hidden());
        ops.dense("vit/hidden", narrow, 0, n, t * r, cfg.hidden(), hidden, 0, false);
        FastOps.gelu(hidden, 0, n * cfg.hidden());
        return hidden;
    }

    private FloatBuffer cropTrunk(FloatBuffer crops, int n) {
        int rows = n * Detector.CELLS;
        int in = 3 * Detector.CROP * Detector.CROP;
        int h = cfg.hidden();
        FloatBuffer x = ops.scratch("x", rows * h);
        ops.dense("crop/fc0", crops, 0, rows, in, h, x, 0, false);
        FastOps.gelu(x, 0, rows * h);
        FloatBuffer y = ops.scratch("y", rows * h);
        for (int i = 1; i < cfg.depth(); i++) {
            ops.dense("crop/fc" + i, x, 0, rows, h, h, y, 0, false);
            FastOps.gelu(y, 0, rows * h);
            FloatBuffer swap = x;
            x = y;
            y = swap;
        }
        return x;
    }
}
