package org.reflectlab.core.nn.fast;

import java.nio.FloatBuffer;

/**
 * Backward passes of {@link FastOps}' layers, accumulating parameter gradients into {@link Grads}:
 * the training half of the fast path. Each method takes what its forward kept.
 */
public final class BackOps {

    private final FastOps ops;
    private final Grads grads;

    public BackOps(FastOps ops, Grads grads) {
        this.ops = ops;
        this.grads = grads;
    }

    public FastOps ops() {
        return ops;
    }

    public Grads grads() {
        return grads;
    }

    /**
     * Backward of y = x W + b: dW += x^T dy, db += column sums of dy, and (if dx is not null)
     * dx (=|+=) dy W^T.
     */
    public void dense(String name, FloatBuffer x, int xOff, int rows, int in, int out, FloatBuffer dy, int dyOff,
                      FloatBuffer dx, int dxOff, boolean accumulateDx) {
        Blas.gemm(true, in, out, rows, 1f, x, xOff, in, dy, dyOff, out, false, 1f, grads.of(name + "/w"), 0, out);
        FloatBuffer db = grads.of(name + "/b");
        for (int r = 0; r < rows; r++) {
            int row = dyOff + r * out;
            for (int j = 0; j < out; j++) {
                db.put(j, db.get(j) + dy.get(row + j));
            }
        }
        if (dx != null) {
            Blas.gemm(false, rows, in, out, 1f, dy, dyOff, out, ops.weight(name + "/w"), 0, out, true,
                    accumulateDx ? 1f : 0f, dx, dxOff, in);
        }
    }

    /** Backward of x[batch, t, d] += table[t, d]: dTable += the sum over the batch. */
    public void table(String name, FloatBuffer dx, int dxOff, int batch, int t, int d) {
        FloatBuffer g = grads.of(name);
        int per = t * d;
        for (int s = 0; s < batch; s++) {
            int base = dxOff + s * per;
            for (int i = 0; i < per; i++) {
                g.put(i, g.get(i) + dx.get(base + i));
            }
        }
    }

    /**
     * Backward of y = layerNorm(x) (no gain or bias) from y and 1/sigma per row:
     * dx (=|+=) inv * (dy - mean(dy) - y * mean(dy * y)).
     */
    public static void layerNorm(FloatBuffer y, int yOff, FloatBuffer inv, int invOff, int rows, int d,
                                 FloatBuffer dy, int dyOff, FloatBuffer dx, int dxOff, boolean accumulate) {
        for (int r = 0; r < rows; r++) {
            int yr = yOff + r * d;
            int gr = dyOff + r * d;
            int xr = dxOff + r * d;
            double sumG = 0;
            double sumGy = 0;
            for (int j = 0; j < d; j++) {
                float g = dy.get(gr + j);
                sumG += g;
                sumGy += g * y.get(yr + j);
            }
            float meanG = (float) (sumG / d);
            float meanGy = (float) (sumGy / d);
            float ri = inv.get(invOff + r);
            for (int j = 0; j < d; j++) {
                float v = ri * (dy.get(gr + j) - meanG - y.get(yr + j) * meanGy);
                dx.put(xr + j, accumulate ? dx.get(xr + j) + v : v);
            }
        }
    }

    /**
     * g = gelu(u) = u * sigmoid(1.702 u) (the values FastOps.gelu gives), keeping the sigmoid so the
     * backward pass needs no exponential: measured, recomputing it there took an eighth of a step.
     */
    public static void geluForward(FloatBuffer u, FloatBuffer g, FloatBuffer sig, int n) {
        for (int i = 0; i < n; i++) {
            float v = u.get(i);
            double s = 1.0 / (1.0 + Math.exp(-1.702 * v));
            sig.put(i, (float) s);
            g.put(i, (float) (v * s));
        }
    }

    /** Backward of {@link #geluForward}, in place on the incoming gradient. */
    public static void geluBackward(FloatBuffer u, FloatBuffer sig, FloatBuffer grad, int n) {
        for (int i = 0; i < n; i++) {
            float s = sig.get(i);
            grad.put(i, grad.get(i) * (s + 1.702f * u.get(i) * s * (1 - s)));
        }
    }

    /** Backward of g = gelu(u) = u * sigmoid(1.702 u), in place on the incoming gradient. */
    public static void gelu(FloatBuffer u, int uOff, FloatBuffer grad, int gOff, int n) {
        for (int i = 0; i < n; i++) {
            float v = u.get(uOff + i);
            double sig = 1.0 / (1.0 + Math.exp(-1.702 * v));
            grad.put(gOff + i, (float) (grad.get(gOff + i) * (sig + 1.702 * v * sig * (1 - sig))));
        }
    }

    /**
     * Attention forward that keeps the probabilities: for each segment and head,
     * P = softmax(Q K^T / sqrt(dh)) is written to {@code probs} at {@code probOffsets[s] + head * t * t}.
     */
    public static void attention(FloatBuffer q, FloatBuffer k, FloatBuffer v, Segments seg, int d, int heads,
                                 FloatBuffer probs, int[] probOffsets, FloatBuffer out) {
        int dh = d / heads;
        float scale = (float) (1.0 / Math.sqrt(dh));
        for (int s = 0; s < seg.count(); s++) {
            int t = seg.length(s);
            for (int head = 0; head < heads; head++) {
                int off = seg.start(s) * d + head * dh;
                int p = probOffsets[s] + head * t * t;
                Blas.gemm(t, t, dh, scale, q, off, d, k, off, d, true, 0f, probs, p, t);
                softmaxRowsAt(probs, p, t, t);
                Blas.gemm(t, dh, t, 1f, probs, p, t, v, off, d, false, 0f, out, off, d);
            }
        }
    }

    /** Where each segment's probabilities start (all heads of a segment together), and the total size. */
    public static int[] probOffsets(Segments seg, int heads) {
        int[] off = new int[seg.count() + 1];
        for (int s = 0; s < seg.count(); s++) {
            off[s + 1] = off[s] + heads * seg.length(s) * seg.length(s);
        }
        return off;
    }

    private static void softmaxRowsAt(FloatBuffer x, int off, int rows, int n) {
        FloatBuffer view = off == 0 ? x : x.duplicate().position(off).slice();
        FastOps.softmaxRows(view, rows, n, null, 0);
    }

    /**
     * Backward of the attention above: from dO (the gradient of its output) and the kept
     * probabilities, dQ, dK and dV (overwritten). {@code work} holds one [t, t] matrix.
     */
    public static void attentionBackward(FloatBuffer q, FloatBuffer k, FloatBuffer v, Segments seg, int d, int heads,
                                         FloatBuffer probs, int[] probOffsets, FloatBuffer dOut,
                                         FloatBuffer dq, FloatBuffer dk, FloatBuffer dv, FloatBuffer work) {
        int dh = d / heads;
        float scale = (float) (1.0 / Math.sqrt(dh));
        for (int s = 0; s < seg.count(); s++) {
            int t = seg.length(s);
            for (int head = 0; head < heads; head++) {
                int off = seg.start(s) * d + head * dh;
                int p = probOffsets[s] + head * t * t;
                Blas.gemm(t, t, dh, 1f, dOut, off, d, v, off, d, true, 0f, work, 0, t);
                Blas.gemm(true, t, dh, t, 1f, probs, p, t, dOut, off, d, false, 0f, dv, off, d);
                for (int r = 0; r < t; r++) {
                    double dot = 0;
                    for (int j = 0; j < t; j++) {
                        dot += work.get(r * t + j) * probs.get(p + r * t + j);
                    }
                    for (int j = 0; j < t; j++) {
                        work.put(r * t + j, probs.get(p + r * t + j) * (work.get(r * t + j) - (float) dot));
                    }
                }
                Blas.gemm(t, dh, t, scale, work, 0, t, k, off, d, false, 0f, dq, off, d);
                Blas.gemm(true, t, dh, t, scale, work, 0, t, q, off, d, false, 0f, dk, off, d);
            }
        }
    }
}
