package org.reflectlab.core.nn.detector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.data.Patches;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.nn.fast.Block;
import org.reflectlab.core.nn.fast.Dense;
import org.reflectlab.core.nn.fast.FastOps;
import org.reflectlab.core.nn.fast.Kernels;
import org.reflectlab.core.nn.fast.LayerNorm;
import org.reflectlab.core.nn.fast.Mat;
import org.reflectlab.core.nn.fast.Segments;
import org.reflectlab.core.nn.fast.Table;

/**
 * The detector's four logit heads on the fast inference path, for either architecture, built from
 * the fast path's modules: the same input as {@link Detector#input}, the graph's logits out
 * ([batch, 9, classes] each, in the order presence, shape, color, size), without SameDiff's per-op
 * session. Calls are serialised: the modules' buffers are the instance's own.
 */
final class DetectorFast {

    private final DetectorConfig cfg;
    private final FastOps ops;
    private final Map<String, Dense> headLayers = new HashMap<>();
    // ViT trunk
    private final int tokens;
    private Dense embed;
    private Table pos;
    private final List<Block> blocks = new ArrayList<>();
    private final LayerNorm ln = new LayerNorm();
    private Dense narrow;
    private Dense vitHidden;
    // crop trunk
    private final List<Dense> cropLayers = new ArrayList<>();

    DetectorFast(DetectorConfig cfg, Params params) {
        this.cfg = cfg;
        this.ops = new FastOps(params);
        this.tokens = Patches.tokens(cfg.imageSize(), 4);
        if (cfg.arch() == DetectorConfig.Arch.VIT) {
            int d = cfg.width();
            embed = new Dense(ops, "vit/embed", Patches.tokenWidth(4), d);
            pos = new Table(ops, "vit/pos", tokens);
            for (int i = 0; i < cfg.depth(); i++) {
                blocks.add(new Block(ops, "vit/block" + i, d, 4));
            }
            narrow = new Dense(ops, "vit/narrow", d, Detector.READOUT);
            vitHidden = new Dense(ops, "vit/hidden", tokens * Detector.READOUT, cfg.hidden());
        } else {
            int in = 3 * Detector.CROP * Detector.CROP;
            for (int i = 0; i < cfg.depth(); i++) {
                cropLayers.add(new Dense(ops, "crop/fc" + i, i == 0 ? in : cfg.hidden(), cfg.hidden()));
            }
        }
    }

    /** The logits of each head, in {@code heads} order, as [batch * 9 * classes] row-major arrays. */
    synchronized float[][] logits(INDArray input, String[] heads, int[] classes) {
        try {
            int n = (int) input.size(0);
            boolean vit = cfg.arch() == DetectorConfig.Arch.VIT;
            Mat hidden = vit ? vitTrunk(ops.inputMat(input, n * tokens, Patches.tokenWidth(4)), n)
                    : cropTrunk(ops.inputMat(input, n * Detector.CELLS, 3 * Detector.CROP * Detector.CROP));
            float[][] out = new float[heads.length][];
            for (int k = 0; k < heads.length; k++) {
                int width = vit ? Detector.CELLS * classes[k] : classes[k];
                Dense head = headLayers.computeIfAbsent(heads[k], h -> new Dense(ops, "head/" + h, cfg.hidden(), width));
                out[k] = head.forward(hidden).toArray();
            }
            return out;
        } finally {
            ops.release();
        }
    }

    private Mat vitTrunk(Mat patches, int n) {
        Mat x = embed.forward(patches);
        pos.forward(x);
        Segments seg = Segments.uniform(n, tokens);
        for (Block b : blocks) {
            b.forward(x, seg);
        }
        Mat hidden = vitHidden.forward(narrow.forward(ln.forward(x)).as(n, tokens * Detector.READOUT));
        Kernels.gelu(hidden, hidden, null);
        return hidden;
    }

    private Mat cropTrunk(Mat crops) {
        Mat x = crops;
        for (Dense layer : cropLayers) {
            x = layer.forward(x);
            Kernels.gelu(x, x, null);
        }
        return x;
    }
}
