package org.reflectlab.core.nn.fast;

import java.nio.FloatBuffer;

/**
 * One pre-norm transformer block (SdBuilder.block) for training: the forward pass keeps what its
 * backward pass needs, in buffers of its own that are reused from step to step.
 */
public final class TrainBlock {

    private final String name;
    private final int d;
    private final int heads;
    private final BackOps back;
    private Segments seg;
    private int[] probOffsets;

    public TrainBlock(String name, int d, int heads, BackOps back) {
        this.name = name;
        this.d = d;
        this.heads = heads;
        this.back = back;
    }

    private FloatBuffer buf(String part, int size) {
        return back.ops().scratch(name + "#" + part, size);
    }

    /** x [rows, d] in place: x += attention(ln(x)); x += mlp(ln(x)). */
    public void forward(FloatBuffer x, Segments segments) {
        FastOps ops = back.ops();
        this.seg = segments;
        int rows = seg.rows();
        probOffsets = BackOps.probOffsets(seg, heads);
        FloatBuffer h1 = buf("h1", rows * d);
        FloatBuffer inv1 = buf("inv1", rows);
        FastOps.layerNorm(x, 0, rows, d, h1, 0, inv1, 0);
        FloatBuffer q = buf("q", rows * d);
        FloatBuffer k = buf("k", rows * d);
        FloatBuffer v = buf("v", rows * d);
        ops.dense(name + "/attn/q", h1, 0, rows, d, d, q, 0, false);
        ops.dense(name + "/attn/k", h1, 0, rows, d, d, k, 0, false);
        ops.dense(name + "/attn/v", h1, 0, rows, d, d, v, 0, false);
        FloatBuffer probs = buf("p", probOffsets[seg.count()]);
        FloatBuffer att = buf("att", rows * d);
        BackOps.attention(q, k, v, seg, d, heads, probs, probOffsets, att);
        ops.dense(name + "/attn/o", att, 0, rows, d, d, x, 0, true);
        FloatBuffer h2 = buf("h2", rows * d);
        FloatBuffer inv2 = buf("inv2", rows);
        FastOps.layerNorm(x, 0, rows, d, h2, 0, inv2, 0);
        FloatBuffer u = buf("u", rows * 4 * d);
        FloatBuffer g = buf("g", rows * 4 * d);
        ops.dense(name + "/mlp/fc1", h2, 0, rows, d, 4 * d, u, 0, false);
        BackOps.geluForward(u, g, buf("sig", rows * 4 * d), rows * 4 * d);
        ops.dense(name + "/mlp/fc2", g, 0, rows, 4 * d, d, x, 0, true);
    }

    /** dx [rows, d] in place: from the gradient of the block's output to that of its input. */
    public void backward(FloatBuffer dx) {
        int rows = seg.rows();
        int wide = rows * 4 * d;
        FloatBuffer dg = buf("dg", wide);
        back.dense(name + "/mlp/fc2", buf("g", wide), 0, rows, 4 * d, d, dx, 0, dg, 0, false);
        BackOps.geluBackward(buf("u", wide), buf("sig", wide), dg, wide);
        FloatBuffer dh = buf("dh", rows * d);
        back.dense(name + "/mlp/fc1", buf("h2", rows * d), 0, rows, d, 4 * d, dg, 0, dh, 0, false);
        BackOps.layerNorm(buf("h2", rows * d), 0, buf("inv2", rows), 0, rows, d, dh, 0, dx, 0, true);

        FloatBuffer datt = buf("datt", rows * d);
        back.dense(name + "/attn/o", buf("att", rows * d), 0, rows, d, d, dx, 0, datt, 0, false);
        FloatBuffer dq = buf("dq", rows * d);
        FloatBuffer dk = buf("dk", rows * d);
        FloatBuffer dv = buf("dv", rows * d);
        BackOps.attentionBackward(buf("q", rows * d), buf("k", rows * d), buf("v", rows * d), seg, d, heads,
                buf("p", probOffsets[seg.count()]), probOffsets, datt, dq, dk, dv, buf("work", seg.longest() * seg.longest()));
        FloatBuffer h1 = buf("h1", rows * d);
        back.dense(name + "/attn/q", h1, 0, rows, d, d, dq, 0, dh, 0, false);
        back.dense(name + "/attn/k", h1, 0, rows, d, d, dk, 0, dh, 0, true);
        back.dense(name + "/attn/v", h1, 0, rows, d, d, dv, 0, dh, 0, true);
        BackOps.layerNorm(h1, 0, buf("inv1", rows), 0, rows, d, dh, 0, dx, 0, true);
    }
}
