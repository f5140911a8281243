package org.reflectlab.core.nn.fast;

import java.nio.ByteBuffer;
import jdk.incubator.vector.FloatVector;

/**
 * Products of a few rows on the Vector API (batch-1 inference: one latent, a text's real tokens), where
 * {@code cblas_sgemm}'s per-call set-up and its packing of the whole right-hand matrix cost more than the
 * arithmetic. Loaded only with the jdk.incubator.vector module, like {@link VectorKernels}.
 */
final class VectorProducts {

    private VectorProducts() {
    }

    /**
     * c[m, n] = alpha * a[m, k] b[k, n] + beta * c: each row of c is a sum of rows of b scaled by that row of a,
     * four rows of c at a time so each vector of b loaded serves four. For a handful of rows (batch-1 inference:
     * the text's real tokens, one latent) this skips OpenBLAS's packing of b and its per-call set-up, which cost
     * more than the arithmetic there. Each value's sum runs over p in order, whatever the grouping of rows.
     */
    static void gemmRows(Mat a, Mat b, Mat c, float alpha, float beta) {
        int m = c.rows();
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            gemmFourRows(a, b, c, i, alpha, beta);
        }
        for (; i < m; i++) {
            gemmOneRow(a, b, c, i, alpha, beta);
        }
    }

    private static void gemmFourRows(Mat a, Mat b, Mat c, int i, float alpha, float beta) {
        ByteBuffer ab = a.direct();
        ByteBuffer bb = b.direct();
        ByteBuffer cb = c.direct();
        int n = c.cols();
        int k = a.cols();
        int bound = VectorKernels.S.loopBound(n);
        int a0 = a.off() + i * a.ld();
        int lda = a.ld();
        int j = 0;
        for (; j < bound; j += VectorKernels.S.length()) {
            FloatVector acc0 = FloatVector.zero(VectorKernels.S);
            FloatVector acc1 = FloatVector.zero(VectorKernels.S);
            FloatVector acc2 = FloatVector.zero(VectorKernels.S);
            FloatVector acc3 = FloatVector.zero(VectorKernels.S);
            for (int p = 0; p < k; p++) {
                FloatVector bv = VectorKernels.load(bb, b.off() + p * b.ld() + j);
                acc0 = bv.fma(FloatVector.broadcast(VectorKernels.S, ab.getFloat((a0 + p) * Float.BYTES)), acc0);
                acc1 = bv.fma(FloatVector.broadcast(VectorKernels.S, ab.getFloat((a0 + lda + p) * Float.BYTES)), acc1);
                acc2 = bv.fma(FloatVector.broadcast(VectorKernels.S, ab.getFloat((a0 + 2 * lda + p) * Float.BYTES)), acc2);
                acc3 = bv.fma(FloatVector.broadcast(VectorKernels.S, ab.getFloat((a0 + 3 * lda + p) * Float.BYTES)), acc3);
            }
            storeRow(acc0, c, cb, i, j, alpha, beta);
            storeRow(acc1, c, cb, i + 1, j, alpha, beta);
            storeRow(acc2, c, cb, i + 2, j, alpha, beta);
            storeRow(acc3, c, cb, i + 3, j, alpha, beta);
        }
        for (int r = i; r < i + 4; r++) {
            tail(a, b, c, r, j, alpha, beta);
        }
    }

    private static void gemmOneRow(Mat a, Mat b, Mat c, int i, float alpha, float beta) {
        ByteBuffer ab = a.direct();
        ByteBuffer bb = b.direct();
        ByteBuffer cb = c.direct();
        int n = c.cols();
        int k = a.cols();
        int arow = a.off() + i * a.ld();
        int bound = VectorKernels.S.loopBound(n);
        int j = 0;
        for (; j < bound; j += VectorKernels.S.length()) {
            FloatVector acc = FloatVector.zero(VectorKernels.S);
            for (int p = 0; p < k; p++) {
                acc = VectorKernels.load(bb, b.off() + p * b.ld() + j).fma(FloatVector.broadcast(VectorKernels.S, ab.getFloat((arow + p) * Float.BYTES)), acc);
            }
            storeRow(acc, c, cb, i, j, alpha, beta);
        }
        tail(a, b, c, i, j, alpha, beta);
    }

    private static void storeRow(FloatVector acc, Mat c, ByteBuffer cb, int i, int j, float alpha, float beta) {
        int at = c.off() + i * c.ld() + j;
        FloatVector out = acc.mul(alpha);
        if (beta != 0f) {
            out = VectorKernels.load(cb, at).mul(beta).add(out);
        }
        VectorKernels.store(out, cb, at);
    }

    /** Columns [from, n) of row i, past the last whole vector. */
    private static void tail(Mat a, Mat b, Mat c, int i, int from, float alpha, float beta) {
        int crow = c.off() + i * c.ld();
        int arow = a.off() + i * a.ld();
        for (int j = from; j < c.cols(); j++) {
            float acc = 0f;
            for (int p = 0; p < a.cols(); p++) {
                acc = Math.fma(b.buf().get(b.off() + p * b.ld() + j), a.buf().get(arow + p), acc);
            }
            float out = acc * alpha;
            c.buf().put(crow + j, beta != 0f ? c.buf().get(crow + j) * beta + out : out);
        }
    }
}
