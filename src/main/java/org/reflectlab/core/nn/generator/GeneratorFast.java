package org.reflectlab.core.nn.generator;

import java.nio.FloatBuffer;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.data.Vocabulary;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.nn.fast.FastOps;
import org.reflectlab.core.nn.fast.Segments;

/**
 * The generator's velocity on the fast inference path: the same placeholders in
 * ({@link Generator#inputs}), the graph's "v" out, without SameDiff's per-op session. Each part of
 * the token sequence is embedded for the whole batch in one GEMM, then placed at its rows.
 * Calls are serialised: the scratch buffers are the instance's own.
 */
final class GeneratorFast {

    private final GeneratorConfig cfg;
    private final int seq;
    private final FastOps ops;

    GeneratorFast(GeneratorConfig cfg, Params params, int sequenceLength) {
        this.cfg = cfg;
        this.seq = sequenceLength;
        this.ops = new FastOps(params);
    }

    /** Velocities [batch, latent] for a batch of placeholders. */
    synchronized INDArray velocity(Map<String, INDArray> in) {
        try {
            return velocityUnreleased(in);
        } finally {
            ops.release();
        }
    }

    private INDArray velocityUnreleased(Map<String, INDArray> in) {
        INDArray xt = FastOps.contiguous(in.get("xt"));
        FloatBuffer xtView = ops.input(xt);
        int n = (int) xt.size(0);
        int d = cfg.width();
        int pairs = cfg.contextPairs();
        int ctxTokens = pairs * cfg.contextImageTokens();
        int fbTokens = pairs * FeedbackVocabulary.MAX_TOKENS;
        int lat = cfg.latentTokens();
        FloatBuffer x = ops.scratch("x", n * seq * d);

        FloatBuffer hidden = ops.scratch("time/h", n * d);
        ops.dense("gen/time1", view(in, "time"), 0, n, Generator.TIME_FEATURES, d, hidden, 0, false);
        FastOps.gelu(hidden, 0, n * d);
        FloatBuffer part = ops.scratch("part", n * Math.max(Generator.PROMPT_TOKENS, Math.max(fbTokens, Math.max(ctxTokens, lat))) * d);
        ops.dense("gen/time2", hidden, 0, n, d, d, part, 0, false);
        FastOps.place(part, 1, x, seq, 0, n, d);
        int start = 1;

        embed("gen/prompt", view(in, "prompt"), n, Generator.PROMPT_TOKENS, Vocabulary.size(), part);
        FastOps.place(part, Generator.PROMPT_TOKENS, x, seq, start, n, d);
        start += Generator.PROMPT_TOKENS;

        embed("gen/ctx_img", view(in, "ctx_z"), n, ctxTokens, cfg.contextTokenWidth(), part);
        FastOps.place(part, ctxTokens, x, seq, start, n, d);
        start += ctxTokens;

        embed("gen/ctx_fb", view(in, "ctx_fb"), n, fbTokens, FeedbackVocabulary.size(), part);
        FastOps.place(part, fbTokens, x, seq, start, n, d);
        start += fbTokens;

        embed("gen/latent", xtView, n, lat, cfg.tokenWidth(), part);
        if (cfg.textGuide()) {
            ops.dense("gen/guide", view(in, "guide"), 0, n * lat, cfg.tokenWidth(), d, part, 0, true);
        }
        FastOps.place(part, lat, x, seq, start, n, d);

        Segments seg = pack(x, view(in, "mask"), n, d);
        FloatBuffer packed = ops.scratch("packed", seg.rows() * d);
        for (int i = 0; i < cfg.depth(); i++) {
            ops.block("gen/block" + i, packed, seg, d, cfg.heads(), null);
        }
        FloatBuffer normed = ops.scratch("normed", n * lat * d);
        for (int s = 0; s < n; s++) {
            FastOps.layerNorm(packed, (seg.start(s) + seg.length(s) - lat) * d, lat, d, normed, s * lat * d);
        }
        FloatBuffer v = ops.scratch("v", n * cfg.latent());
        ops.dense("gen/out", normed, 0, n * lat, d, cfg.tokenWidth(), v, 0, false);
        return FastOps.toArray(v, 0, n, cfg.latent());
    }

    /**
     * Gathers each sample's unmasked tokens into the "packed" buffer. A masked token is never
     * attended to (its key bias is -1e4, whose exponential is exactly 0 in float), so dropping it
     * changes no output; an unconditional or context-free sample is mostly masked, so this is where
     * most of the work goes away. The latent tokens, last and never masked, stay last.
     */
    private Segments pack(FloatBuffer x, FloatBuffer mask, int n, int d) {
        int[] lengths = new int[n];
        for (int s = 0; s < n; s++) {
            for (int p = 0; p < seq; p++) {
                if (mask.get(s * seq + p) != 0f) {
                    lengths[s]++;
                }
            }
        }
        Segments seg = Segments.ofLengths(lengths);
        FloatBuffer packed = ops.scratch("packed", seg.rows() * d);
        int row = 0;
        for (int s = 0; s < n; s++) {
            for (int p = 0; p < seq; p++) {
                if (mask.get(s * seq + p) != 0f) {
                    int src = (s * seq + p) * d;
                    for (int j = 0; j < d; j++) {
                        packed.put(row * d + j, x.get(src + j));
                    }
                    row++;
                }
            }
        }
        return seg;
    }

    /** part[n * tokens, d] = in[n * tokens, width] W + b + pos (the graph's dense3 plus a table). */
    private void embed(String name, FloatBuffer in, int n, int tokens, int width, FloatBuffer part) {
        String layer = name.equals("gen/latent") ? "gen/latent_in" : name;
        ops.dense(layer, in, 0, n * tokens, width, cfg.width(), part, 0, false);
        ops.addTable(name + "_pos", part, 0, n, tokens, cfg.width());
    }

    private FloatBuffer view(Map<String, INDArray> in, String name) {
        return ops.input(in.get(name));
    }
}
