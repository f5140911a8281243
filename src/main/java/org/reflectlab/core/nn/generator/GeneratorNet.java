package org.reflectlab.core.nn.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.data.Vocabulary;
import org.reflectlab.core.nn.fast.Block;
import org.reflectlab.core.nn.fast.Dense;
import org.reflectlab.core.nn.fast.FastOps;
import org.reflectlab.core.nn.fast.Gelu;
import org.reflectlab.core.nn.fast.KernelSet;
import org.reflectlab.core.nn.fast.Grads;
import org.reflectlab.core.nn.fast.LayerNorm;
import org.reflectlab.core.nn.fast.Mat;
import org.reflectlab.core.nn.fast.Packing;
import org.reflectlab.core.nn.fast.Segments;
import org.reflectlab.core.nn.fast.Slot;
import org.reflectlab.core.nn.fast.Table;

/**
 * The generator on the fast path, written once: the velocity of {@link Generator#graph()} for
 * sampling, and the flow-matching loss with the gradient of every parameter for training, from the
 * same forward pass (each part of the token sequence embedded for the whole batch in one GEMM and
 * placed at its rows; masked tokens packed away before the transformer). {@code GeneratorFastTest}
 * and {@code GeneratorBackpropTest} hold it to SameDiff's outputs and gradients.
 *
 * <p>Each instance owns its buffers: calls are serialised; a training instance belongs to its thread.
 */
public final class GeneratorNet {

    private final GeneratorConfig cfg;
    private final List<String> features;
    private final int seq;
    private final int d;
    private final int lat;
    private final FastOps ops;
    private final Grads grads;

    private final Dense time1;
    private final Gelu timeGelu = new Gelu();
    private final Dense time2;
    private final List<Part> parts = new ArrayList<>();
    private final Part latent;
    private final Dense guide;
    private final Packing packing = new Packing();
    private final List<Block> blocks = new ArrayList<>();
    private final LayerNorm ln = new LayerNorm();
    private final Dense out;

    private final Slot xSlot = new Slot();
    private final Slot lastSlot = new Slot();
    private final Slot dvSlot = new Slot();
    private final Slot dLastSlot = new Slot();
    private final Slot dPackedSlot = new Slot();
    private final Slot dxSlot = new Slot();
    private final Slot dPartSlot = new Slot();
    private final Slot dHiddenSlot = new Slot();
    private int n;

    private GeneratorNet(Generator g, Grads grads) {
        this.cfg = g.config();
        this.features = g.features();
        this.seq = g.sequenceLength();
        this.d = cfg.width();
        this.lat = cfg.latentTokens();
        this.ops = new FastOps(g.params());
        this.grads = grads;
        if (grads != null) {
            ops.train(grads);
        }
        this.time1 = new Dense(ops, "gen/time1", Generator.TIME_FEATURES, d);
        this.time2 = new Dense(ops, "gen/time2", d, d);
        int pairs = cfg.contextPairs();
        parts.add(new Part("gen/prompt", "gen/prompt_pos", "prompt", Generator.PROMPT_TOKENS, Vocabulary.size(), 1));
        parts.add(new Part("gen/ctx_img", "gen/ctx_img_pos", "ctx_z", pairs * cfg.contextImageTokens(), cfg.contextTokenWidth(),
                1 + Generator.PROMPT_TOKENS));
        parts.add(new Part("gen/ctx_fb", "gen/ctx_fb_pos", "ctx_fb", pairs * FeedbackVocabulary.MAX_TOKENS, FeedbackVocabulary.size(),
                1 + Generator.PROMPT_TOKENS + pairs * cfg.contextImageTokens()));
        this.latent = new Part("gen/latent_in", "gen/latent_pos", "xt", lat, cfg.tokenWidth(), seq - lat);
        parts.add(latent);
        this.guide = cfg.textGuide() ? new Dense(ops, "gen/guide", cfg.tokenWidth(), d) : null;
        for (int i = 0; i < cfg.depth(); i++) {
            blocks.add(new Block(ops, "gen/block" + i, d, cfg.heads()));
        }
        this.out = new Dense(ops, "gen/out", d, cfg.tokenWidth());
    }

    static GeneratorNet inference(Generator g) {
        return new GeneratorNet(g, null);
    }

    /** A training path: {@link #step} leaves every parameter's gradient in {@link #grads()}. */
    public static GeneratorNet training(Generator g) {
        return new GeneratorNet(g, new Grads(g.params()));
    }

    public Grads grads() {
        return grads;
    }

    /** Velocities [batch, latent] for a batch of placeholders ({@link Generator#inputs}). */
    synchronized INDArray velocity(Map<String, INDArray> in) {
        try {
            return FastOps.toArray(forward(inputs(in)), n, cfg.latent());
        } finally {
            ops.release();
        }
    }

    /** As {@link #velocity(Map)}, into {@code out} [batch * latent]: no INDArray per call (the sampler's Euler steps). */
    synchronized void velocity(Map<String, INDArray> in, float[] out) {
        try {
            Mat v = forward(inputs(in));
            v.buf().get(v.off(), out, 0, v.size());
        } finally {
            ops.release();
        }
    }

    private Map<String, Mat> inputs(Map<String, INDArray> in) {
        n = (int) in.get("xt").size(0);
        Map<String, Mat> mats = new HashMap<>();
        for (String f : features) {
            if (in.containsKey(f) && !f.equals("v_target")) {
                mats.put(f, input(f, in.get(f)));
            }
        }
        return mats;
    }

    /** Forward and backward on one batch (features in the generator's order): {loss_flow}; gradients in {@link #grads()}. */
    public synchronized Map<String, Double> step(INDArray[] batch) {
        if (grads == null) {
            throw new IllegalStateException("an inference path cannot train");
        }
        try {
            n = (int) batch[0].size(0);
            Map<String, Mat> mats = new HashMap<>();
            for (int i = 0; i < features.size(); i++) {
                mats.put(features.get(i), input(features.get(i), batch[i]));
            }
            Mat v = forward(mats);
            Mat target = mats.get("v_target");
            Mat dv = dvSlot.mat(v.rows(), v.cols());
            int size = v.size();
            float scale = 2f / size;
            double sum = 0;
            for (int r = 0; r < v.rows(); r++) {
                for (int c = 0; c < v.cols(); c++) {
                    float diff = v.get(r, c) - target.get(r, c);
                    sum += (double) diff * diff;
                    dv.set(r, c, diff * scale);
                }
            }
            grads.zero();
            backward(dv);
            return Map.of(Generator.LOSS_FLOW, sum / size);
        } finally {
            ops.release();
        }
    }

    /** A placeholder as rows: one row per token for the sequence parts, one per sample otherwise. */
    private Mat input(String name, INDArray a) {
        int cols = switch (name) {
            case "xt", "v_target", "guide" -> cfg.tokenWidth();
            case "time" -> Generator.TIME_FEATURES;
            case "mask" -> seq;
            case "prompt" -> Vocabulary.size();
            case "ctx_z" -> cfg.contextTokenWidth();
            case "ctx_fb" -> FeedbackVocabulary.size();
            default -> throw new IllegalArgumentException("unknown generator input " + name);
        };
        return ops.inputMat(a, (int) (a.length() / cols), cols);
    }

    /** Velocities [n * latentTokens, tokenWidth]. */
    private Mat forward(Map<String, Mat> in) {
        Mat x = xSlot.mat(n * seq, d);
        Mat t = time2.forward(timeGelu.forward(time1.forward(in.get("time"))));
        place(t, x, 0, 1);
        // On an inference path (current kernels) a context or prompt part embeds only the span of its tokens that the
        // mask keeps: packing drops the rest, and every row's product is the same whatever rows go with it
        boolean spans = grads == null && !KernelSet.reference();
        for (Part p : parts) {
            if (spans && p != latent) {
                p.forwardKept(in.get(p.input), in.get("mask"), x);
                continue;
            }
            Mat e = p.forward(in.get(p.input));
            if (p == latent && guide != null) {
                guide.forward(in.get("guide"), e, true);
            }
            place(e, x, p.start, p.tokens);
        }
        Segments seg = packing.plan(in.get("mask"));
        Mat packed = packing.pack(x);
        for (Block b : blocks) {
            b.forward(packed, seg);
        }
        // the latent tokens are last in every sequence and never masked: the last rows of each segment
        Mat last = lastSlot.mat(n * lat, d);
        for (int s = 0; s < n; s++) {
            packed.rows(seg.start(s) + seg.length(s) - lat, lat).copyTo(last.rows(s * lat, lat));
        }
        return out.forward(ln.forward(last));
    }

    private void backward(Mat dv) {
        Segments seg = packing.segments();
        Mat dLast = dLastSlot.mat(n * lat, d);
        Mat dNormed = dLast; // out's input gradient, then (in place) layer norm's
        out.backward(dv, dNormed, false);
        Mat dPacked = dPackedSlot.mat(seg.rows(), d);
        dPacked.fill(0f);
        Mat dLn = dxSlot.mat(n * lat, d);
        ln.backward(dNormed, dLn, false);
        for (int s = 0; s < n; s++) {
            dLn.rows(s * lat, lat).copyTo(dPacked.rows(seg.start(s) + seg.length(s) - lat, lat));
        }
        for (int i = blocks.size() - 1; i >= 0; i--) {
            blocks.get(i).backward(dPacked);
        }
        Mat dx = dxSlot.mat(n * seq, d);
        packing.unpack(dPacked, dx);
        Mat dTime = dPartSlot.mat(n, d);
        gather(dx, dTime, 0, 1);
        Mat dHidden = dHiddenSlot.mat(n, d);
        time2.backward(dTime, dHidden, false);
        timeGelu.backward(dHidden);
        time1.backward(dHidden, null, false);
        for (Part p : parts) {
            Mat dp = dPartSlot.mat(n * p.tokens, d);
            gather(dx, dp, p.start, p.tokens);
            p.backward(dp);
            if (p == latent && guide != null) {
                guide.backward(dp, null, false);
            }
        }
    }

    /** Rows [start, start + tokens) of every sequence of x <- the part's rows. */
    private void place(Mat part, Mat x, int start, int tokens) {
        for (int s = 0; s < n; s++) {
            part.rows(s * tokens, tokens).copyTo(x.rows(s * seq + start, tokens));
        }
    }

    /** The reverse of place. */
    private void gather(Mat x, Mat part, int start, int tokens) {
        for (int s = 0; s < n; s++) {
            x.rows(s * seq + start, tokens).copyTo(part.rows(s * tokens, tokens));
        }
    }

    /** One part of the token sequence: a dense embedding of its input plus learned positions. */
    private final class Part {
        private final String input;
        private final int tokens;
        private final int start;
        private final Dense embed;
        private final Table pos;

        Part(String layer, String table, String input, int tokens, int width, int start) {
            this.input = input;
            this.tokens = tokens;
            this.start = start;
            this.embed = new Dense(ops, layer, width, d);
            this.pos = new Table(ops, table, tokens);
        }

        Mat forward(Mat in) {
            Mat e = embed.forward(in);
            pos.forward(e);
            return e;
        }

        /**
         * Per sequence, the tokens from the first to the last the mask keeps, embedded straight into their rows of x
         * (nothing for a sequence that keeps none: an unused context slot, the unconditional half of guidance). The
         * other rows of x are left as they were; packing leaves them out.
         */
        void forwardKept(Mat in, Mat mask, Mat x) {
            for (int s = 0; s < n; s++) {
                int lo = 0;
                while (lo < tokens && mask.get(s, start + lo) == 0f) {
                    lo++;
                }
                if (lo == tokens) {
                    continue;
                }
                int hi = tokens;
                while (mask.get(s, start + hi - 1) == 0f) {
                    hi--;
                }
                Mat rows = x.rows(s * seq + start + lo, hi - lo);
                embed.forward(in.rows(s * tokens + lo, hi - lo), rows, false);
                pos.forward(rows, lo);
            }
        }

        void backward(Mat dPart) {
            pos.backward(dPart);
            embed.backward(dPart, null, false);
        }
    }
}
