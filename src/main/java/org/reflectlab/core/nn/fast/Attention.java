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
    /** One scratch [t, t] per lane: lanes run segments at the same time. */
    private Slot[] work = new Slot[0];
    private final Slot dAtt = new Slot();
    private final Slot dq = new Slot();
    private final Slot dk = new Slot();
    private final Slot dv = new Slot();
    private final HeadsForward inference;
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
        this.inference = new HeadsForward(d, heads);
    }

    /** out += attention(h), h the block's normed input [seg.rows(), d]. */
    public void forward(Mat h, Segments segments, Mat out) {
        this.seg = segments;
        qm = q.forward(h);
        km = k.forward(h);
        vm = v.forward(h);
        if (ops.probe() == null && !ops.training() && HeadsForward.applies(seg)) {
            // inference keeps no probabilities: no backward pass reads them, and no probe is attached
            Mat a = att.mat(h.rows(), d);
            inference.forward(qm, km, vm, seg, a);
            o.forward(a, out, true);
            return;
        }
        probOffsets = new int[seg.count() + 1];
        for (int s = 0; s < seg.count(); s++) {
            probOffsets[s + 1] = probOffsets[s] + heads * seg.length(s) * seg.length(s);
        }
        p = probs.mat(probOffsets[seg.count()], 1);
        Mat a = att.mat(h.rows(), d);
        FastOps.AttentionProbe probe = ops.probe();
        if (probe != null) {
            // the probe sees heads in order, on the caller's thread
            headsForward(0, seg.count(), a, probe);
        } else {
            Lanes.split(seg.count(), (lane, from, to) -> headsForward(from, to, a, null));
        }
        o.forward(a, out, true);
    }

    /** Scores, softmax and weighted values of segments [from, to), every head: segments touch disjoint rows. */
    private void headsForward(int from, int to, Mat a, FastOps.AttentionProbe probe) {
        boolean causal = probe != null && probe.causal();
        float scale = (float) (1.0 / Math.sqrt(d / heads));
        for (int s = from; s < to; s++) {
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
    }

    /** From the gradient of the output (dOut) to that of the normed input, written into dh (overwritten). */
    public void backward(Mat dOut, Mat dh) {
        int rows = seg.rows();
        Mat da = dAtt.mat(rows, d);
        o.backward(dOut, da, false);
        Mat dQ = dq.mat(rows, d);
        Mat dK = dk.mat(rows, d);
        Mat dV = dv.mat(rows, d);
        if (work.length < Lanes.count()) {
            Slot[] more = java.util.Arrays.copyOf(work, Lanes.count());
            for (int i = work.length; i < more.length; i++) {
                more[i] = new Slot();
            }
            work = more;
        }
        Slot[] scratch = work;
        Lanes.split(seg.count(), (lane, from, to) -> headsBackward(from, to, da, dQ, dK, dV, scratch[lane]));
        q.backward(dQ, dh, false);
        k.backward(dK, dh, true);
        v.backward(dV, dh, true);
    }

    /** The gradients of Q, K and V of segments [from, to) from that of the attention output, with one lane's scratch. */
    private void headsBackward(int from, int to, Mat da, Mat dQ, Mat dK, Mat dV, Slot scratch) {
        float scale = (float) (1.0 / Math.sqrt(d / heads));
        for (int s = from; s < to; s++) {
            int t = seg.length(s);
            Mat w = scratch.mat(t, t);
            for (int head = 0; head < heads; head++) {
                Mat ph = headProbs(s, head);
                Blas.gemm(head(da, s, head), false, head(vm, s, head), true, w, 1f, 0f);
                Blas.gemm(ph, true, head(da, s, head), false, head(dV, s, head), 1f, 0f);
                Kernels.softmaxRowsBackward(ph, w);
                Blas.gemm(w, false, head(km, s, head), false, head(dQ, s, head), scale, 0f);
                Blas.gemm(w, true, head(qm, s, head), false, head(dK, s, head), scale, 0f);
            }
        }
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
