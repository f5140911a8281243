package org.reflectlab.core.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Small building blocks for SameDiff graphs, all matrix-multiply based (STACK-NOTES: DL4J's
 * convolutions cost ~30x PyTorch's here, its GEMM is as fast). Sequences are [batch, tokens,
 * width]; dense layers flatten to [batch * tokens, width] so each is one large GEMM.
 * Weights live in a {@link Params} set, so several graphs (training, inference) share them.
 */
public final class SdBuilder {

    private final SameDiff sd;
    private final Params params;

    public SdBuilder(SameDiff sd, Params params) {
        this.sd = sd;
        this.params = params;
    }

    public SameDiff sd() {
        return sd;
    }

    public Params params() {
        return params;
    }

    /** A trainable weight with scaled normal init (std = gain / sqrt(fanIn)). */
    public SDVariable weight(String name, long fanIn, long fanOut, double gain) {
        return sd.var(name, params.normal(name, gain / Math.sqrt(fanIn), fanIn, fanOut));
    }

    public SDVariable zeros(String name, long... shape) {
        return sd.var(name, params.constant(name, 0f, shape));
    }

    public SDVariable ones(String name, long... shape) {
        return sd.var(name, params.constant(name, 1f, shape));
    }

    /** Learned table [rows, width], std 0.02 (positional or token embeddings). */
    public SDVariable table(String name, long rows, long width) {
        return sd.var(name, params.normal(name, 0.02, rows, width));
    }

    /** x [n, in] -> [n, out]. */
    public SDVariable dense(String name, SDVariable x, long in, long out) {
        return dense(name, x, in, out, 1.0);
    }

    public SDVariable dense(String name, SDVariable x, long in, long out, double gain) {
        SDVariable w = weight(name + "/w", in, out, gain);
        SDVariable b = zeros(name + "/b", out);
        return sd.nn.linear(x, w, b);
    }

    /** x [b, t, in] -> [b, t, out] as one GEMM over all tokens. */
    public SDVariable dense3(String name, SDVariable x, long tokens, long in, long out) {
        return dense3(name, x, tokens, in, out, 1.0);
    }

    public SDVariable dense3(String name, SDVariable x, long tokens, long in, long out, double gain) {
        SDVariable flat = sd.reshape(x, -1, in);
        return sd.reshape(dense(name, flat, in, out, gain), -1, tokens, out);
    }

    /** Layer norm over the last axis of [b, t, d]. */
    public SDVariable layerNorm3(String name, SDVariable x, long d) {
        return layerNorm(name, x, d, 2);
    }

    /** Layer norm over the last axis of [n, d]. */
    public SDVariable layerNorm2(String name, SDVariable x, long d) {
        return layerNorm(name, x, d, 1);
    }

    /**
     * Layer norm without its own gain and bias (in a pre-norm network every norm feeds a dense
     * layer, which absorbs them), built from matrix multiplies and same-shape element-wise ops.
     * Measured here: libnd4j's reductions along the last axis and its broadcast backward passes
     * are slow (the fused layer_norm backward took ~30% of a step, standardize's ~20%); GEMMs
     * with constant matrices do the same sums at BLAS speed.
     */
    private SDVariable layerNorm(String name, SDVariable x, long d, int axis) {
        SDVariable flat = sd.reshape(x, -1, d);
        SDVariable centered = flat.mmul(constant("centering", centering(d)));
        SDVariable variance = sd.math.square(centered).mmul(constant("mean_col", Nd4j.valueArrayOf(new long[] {d, 1}, 1f / d)));
        SDVariable inv = sd.math.rsqrt(variance.add(1e-5)).mmul(constant("ones_row", Nd4j.ones(DataType.FLOAT, 1, d)));
        SDVariable normed = centered.mul(inv);
        return axis == 2 ? sd.reshape(normed, sd.shape(x)) : normed;
    }

    private final java.util.Map<String, SDVariable> constants = new java.util.HashMap<>();

    /** One shared constant per (kind, shape) in this graph. */
    private SDVariable constant(String kind, INDArray value) {
        String key = kind + java.util.Arrays.toString(value.shape());
        return constants.computeIfAbsent(key, k -> sd.constant("const/" + k.replaceAll("[^a-z0-9_]", "_"), value));
    }

    private static INDArray centering(long d) {
        INDArray c = Nd4j.eye(d).castTo(DataType.FLOAT);
        return c.subi(1f / d);
    }

    /**
     * Multi-head self-attention over [b, t, d], written out as softmax(QK^T / sqrt(dh)) V (a
     * little faster here than the fused op). {@code keyBias}, if given, is [b, 1, 1, t] with 0
     * for real tokens and a large negative number for padding.
     */
    public SDVariable selfAttention(String name, SDVariable x, long t, long d, int heads, SDVariable keyBias) {
        long dh = d / heads;
        SDVariable q = split(dense3(name + "/q", x, t, d, d), t, heads, dh);
        SDVariable k = split(dense3(name + "/k", x, t, d, d), t, heads, dh);
        SDVariable v = split(dense3(name + "/v", x, t, d, d), t, heads, dh);
        SDVariable scores = sd.mmul(q, k, false, true, false).mul(1.0 / Math.sqrt(dh));
        if (keyBias != null) {
            scores = scores.add(keyBias);
        }
        SDVariable attn = sd.nn.softmax(scores, 3);
        SDVariable out = sd.permute(sd.mmul(attn, v), 0, 2, 1, 3);
        return dense3(name + "/o", sd.reshape(out, -1, t, d), t, d, d);
    }

    private SDVariable split(SDVariable x, long t, int heads, long dh) {
        return sd.permute(sd.reshape(x, -1, t, heads, dh), 0, 2, 1, 3);
    }

    /** GELU MLP, width -> hidden -> width. */
    public SDVariable mlp3(String name, SDVariable x, long t, long d, long hidden) {
        SDVariable h = sd.nn.gelu(dense3(name + "/fc1", x, t, d, hidden));
        return dense3(name + "/fc2", h, t, hidden, d);
    }

    /** Pre-layer-norm transformer block. */
    public SDVariable block(String name, SDVariable x, long t, long d, int heads, SDVariable keyBias) {
        SDVariable h = x.add(selfAttention(name + "/attn", layerNorm3(name + "/ln1", x, d), t, d, heads, keyBias));
        return h.add(mlp3(name + "/mlp", layerNorm3(name + "/ln2", h, d), t, d, 4 * d));
    }

    /** Mean over tokens of [b, t, d], counting only tokens with mask 1 (mask [b, t]). */
    public SDVariable maskedMean(SDVariable x, SDVariable mask) {
        SDVariable m = sd.expandDims(mask, 2);
        SDVariable sum = x.mul(m).sum(1);
        return sum.div(m.sum(1).add(1e-6));
    }

    /**
     * log softmax along one axis, written out: SameDiff M2.1's LogSoftMax op with an explicit
     * dimension cannot be cloned when building the gradient graph.
     */
    public SDVariable logSoftmax(SDVariable x, int dim) {
        SDVariable shifted = x.sub(x.max(true, dim));
        return shifted.sub(sd.math.log(sd.math.exp(shifted).sum(true, dim)));
    }

    /** [b, t] mask of 1/0 to the additive attention bias [b, 1, 1, t]. */
    public SDVariable keyBias(SDVariable mask) {
        SDVariable bias = mask.rsub(1.0).mul(-1e4);
        return sd.expandDims(sd.expandDims(bias, 1), 1);
    }
}
