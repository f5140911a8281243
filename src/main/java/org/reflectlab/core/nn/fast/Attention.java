package org.reflectlab.core.nn.fast;

import java.nio.FloatBuffer;

/**
 * Multi-head self-attention (SdBuilder.selfAttention): out += o(softmax(Q K^T / sqrt(dh)) V) per
 * segment and head, heads read in place by leading dimension. Keeps the probabilities for its
 * backward pass, and shows them to the path's {@link FastOps.AttentionProbe} when one is attached.
 */
public final class Attention {

    private final FastOps ops;
    private final String block;
    private final int d;
    private final int heads;
    private final Dense q;
    private final Dense k;
    private final Dense v;
    private final Dense o;
    private final Slot probs = new Slot();
    private final Slot att = new Slot();
    private final Slot work = new Slot();
    private final Slot dAtt = new Slot();
    private final Slot dq = new Slot();
    private final Slot dk = new Slot();
    private final Slot dv = new Slot();
    private Segments seg;
    private int[] probOffsets;
    private Mat qm;
    private Mat km;
    private Mat vm;
    private Mat p;

    /** {@code block} names the block the weights belong to ("img/block0"); the layers are block/attn/{q,k,v,o}. */
    public Attention(FastOps ops, String block, int d, int heads) {
        this.ops = ops;
        this.block = block;
        this.d = d;
        this.heads = heads;
        String name = block + "/attn";
        this.q = new Dense(ops, name + "/q", d, d);
        this.k = new Dense(ops, name + "/k", d, d);
        this.v = new Dense(ops, name + "/v", d, d);
        this.o = new Dense(ops, name + "/o", d, d);
    }

    /** out += attention(h), h the block's normed input [seg.rows(), d]. */
    public void forward(Mat h, Segments segments, Mat out) {
        this.seg = segments;
        qm = q.forward(h);
        km = k.forward(h);
        vm = v.forward(h);
        probOffsets = new int[seg.count() + 1];
        for (int s = 0; s < seg.count(); s++) {
            probOffsets[s + 1] = probOffsets[s] + heads * seg.length(s) * seg.length(s);
        }
        p = probs.mat(probOffsets[seg.count()], 1);
        Mat a = att.mat(h.rows(), d);
        FastOps.AttentionProbe probe = ops.probe();
        boolean causal = probe != null && probe.causal();
        int dh = d / heads;
        float scale = (float) (1.0 / Math.sqrt(dh));
        for (int s = 0; s < seg.count(); s++) {
            int t = seg.length(s);
            for (int head = 0; head < heads; head++) {
                Mat ph = headProbs(s, head);
                Blas.gemm(head(qm, s, head), false, head(km, s, head), true, ph, scale, 0f);
                Kernels.softmaxRows(ph, causal);
                if (probe != null) {
                    probe.weights(block, s, head, slice(ph), t);
                }
                Blas.gemm(ph, false, head(vm, s, head), false, head(a, s, head), 1f, 0f);
            }
        }
        o.forward(a, out, true);
    }

    /** From the gradient of the output (dOut) to that of the normed input, written into dh (overwritten). */
    public void backward(Mat dOut, Mat dh) {
        int rows = seg.rows();
        Mat da = dAtt.mat(rows, d);
        o.backward(dOut, da, false);
        Mat dQ = dq.mat(rows, d);
        Mat dK = dk.mat(rows, d);
        Mat dV = dv.mat(rows, d);
        int dh2 = d / heads;
        float scale = (float) (1.0 / Math.sqrt(dh2));
        for (int s = 0; s < seg.count(); s++) {
            int t = seg.length(s);
            Mat w = work.mat(t, t);
            for (int head = 0; head < heads; head++) {
                Mat ph = headProbs(s, head);
                Blas.gemm(head(da, s, head), false, head(vm, s, head), true, w, 1f, 0f);
                Blas.gemm(ph, true, head(da, s, head), false, head(dV, s, head), 1f, 0f);
                Kernels.softmaxRowsBackward(ph, w);
                Blas.gemm(w, false, head(km, s, head), false, head(dQ, s, head), scale, 0f);
                Blas.gemm(w, true, head(qm, s, head), false, head(dK, s, head), scale, 0f);
            }
        }
        q.backward(dQ, dh, false);
        k.backward(dK, dh, true);
        v.backward(dV, dh, true);
    }

    private Mat head(Mat m, int s, int head) {
        int dh = d / heads;
        return m.rows(seg.start(s), seg.length(s)).cols(head * dh, dh);
    }

    private Mat headProbs(int s, int head) {
        int t = seg.length(s);
        return new Mat(p.buf(), probOffsets[s] + head * t * t, t, t);
    }

    private static FloatBuffer slice(Mat m) {
        return m.off() == 0 ? m.buf() : m.buf().duplicate().position(m.off()).slice();
    }
}
