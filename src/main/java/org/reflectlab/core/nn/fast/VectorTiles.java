package org.reflectlab.core.nn.fast;

import java.nio.ByteBuffer;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Products of up to a few hundred rows on the Vector API, in register tiles of 2 rows x up to 4 vectors (8
 * accumulators): each vector of b loaded serves 2 rows and each value of a broadcast serves up to 4 vectors. The
 * batch-1 forward's products have 1 to 128 rows ([64, 96] x [96, 384], [24, 96] x [96, 96], ...): there
 * {@code cblas_sgemm} packs all of b on every call and ran 13-20 GFLOP/s in a probe on the loaded machine; this reads
 * b in place, row by row. A tile starts from beta * c + bias (a dense layer's bias and residual) and adds the
 * products over p in order, so which tile a value falls in changes nothing; alpha (attention's scale) multiplies after. Loaded only with jdk.incubator.vector.
 */
final class VectorTiles {

    private static final VectorSpecies<Float> S = VectorKernels.S;
    private static final int L = S.length();

    private VectorTiles() {
    }

    /** Whether a product with n columns fits: at least one whole vector, and at most a few columns past the last. */
    static boolean fits(int n) {
        return n % L == 0 || n >= 2 * L;
    }

    /**
     * c[m, n] = alpha * a[m, k] b[k, n] + beta * c, plus {@code bias} (a one-row Mat of n, or null) on every row.
     * b's rows are read in place by its leading dimension; columns past the last whole vector are summed in order
     * by scalar code.
     */
    static void gemm(Mat a, Mat b, Mat c, float alpha, float beta, Mat bias) {
        if (alpha != 1f && (beta != 0f || bias != null)) {
            throw new IllegalArgumentException("alpha other than 1 only without beta and bias (attention scores)");
        }
        // What is added to the product (beta c, the bias, or zeros) goes into c first and every tile starts from it:
        // the micro-kernels then have no branches and store their sums as they are (see the note above them)
        if (!(beta == 1f && bias == null)) {
            start(c, beta, bias);
        }
        ByteBuffer ab = a.direct();
        ByteBuffer bb = b.direct();
        ByteBuffer cb = c.direct();
        int m = c.rows();
        int k = a.cols();
        int whole = c.cols() / L * L;
        int lda = a.ld();
        int ldb = b.ld();
        int ldc = c.ld();
        for (int j = 0; j < whole; ) {
            int left = (whole - j) / L;
            int vectors = left >= 4 ? 4 : left >= 2 ? 2 : 1;
            int b0 = b.off() + j;
            for (int i = 0; i < m; i += 2) {
                int a0 = a.off() + i * lda;
                int c0 = c.off() + i * ldc + j;
                if (i + 1 < m) {
                    if (vectors == 4) {
                        two4(ab, a0, a0 + lda, bb, b0, ldb, cb, c0, c0 + ldc, k);
                    } else if (vectors == 2) {
                        two2(ab, a0, a0 + lda, bb, b0, ldb, cb, c0, c0 + ldc, k);
                    } else {
                        two1(ab, a0, a0 + lda, bb, b0, ldb, cb, c0, c0 + ldc, k);
                    }
                } else if (vectors == 4) {
                    one4(ab, a0, bb, b0, ldb, cb, c0, k);
                } else {
                    for (int v = 0; v < vectors; v++) {
                        one1(ab, a0, bb, b0 + v * L, ldb, cb, c0 + v * L, k);
                    }
                }
            }
            j += vectors * L;
        }
        for (int i = 0; i < m; i++) {
            for (int j = whole; j < c.cols(); j++) {
                float acc = c.get(i, j);
                for (int p = 0; p < k; p++) {
                    acc = Math.fma(b.get(p, j), a.get(i, p), acc);
                }
                c.set(i, j, acc);
            }
        }
        if (alpha != 1f) {
            scale(c.cols(0, whole), alpha);
            for (int i = 0; i < m; i++) {
                for (int j = whole; j < c.cols(); j++) {
                    c.set(i, j, c.get(i, j) * alpha);
                }
            }
        }
    }

    /** c = beta * c + bias (bias a one-row Mat or null; beta 0 and no bias: zeros), before the tiles add the product. */
    private static void start(Mat c, float beta, Mat bias) {
        ByteBuffer cb = c.direct();
        ByteBuffer biasb = bias == null ? null : bias.direct();
        int whole = c.cols() / L * L;
        for (int i = 0; i < c.rows(); i++) {
            int row = c.off() + i * c.ld();
            int j = 0;
            for (; j < whole; j += L) {
                FloatVector v = beta == 0f ? FloatVector.zero(S) : ld(cb, row + j).mul(beta);
                VectorKernels.store(biasb == null ? v : v.add(ld(biasb, bias.off() + j)), cb, row + j);
            }
            for (; j < c.cols(); j++) {
                float v = beta == 0f ? 0f : c.get(i, j) * beta;
                c.set(i, j, bias == null ? v : v + bias.get(0, j));
            }
        }
    }

    /** c *= alpha over whole vectors of each row. */
    private static void scale(Mat c, float alpha) {
        ByteBuffer cb = c.direct();
        for (int i = 0; i < c.rows(); i++) {
            int row = c.off() + i * c.ld();
            for (int j = 0; j < c.cols(); j += L) {
                VectorKernels.store(ld(cb, row + j).mul(alpha), cb, row + j);
            }
        }
    }

    private static FloatVector ld(ByteBuffer b, int at) {
        return VectorKernels.load(b, at);
    }

    private static FloatVector bc(ByteBuffer a, int at) {
        return FloatVector.broadcast(S, a.getFloat(at * Float.BYTES));
    }

    // The micro-kernels: 2 rows x up to 4 vectors (8 accumulators, as many as two FMA units with a latency of 4
    // need to stay busy), written out with their accumulators as locals. Each Vector API load or store of a direct
    // buffer inlines some 25 methods; a 4 x 4 tile that starts from c needs 36 of them, more than C2's node budget
    // for inlining (NodeCountInliningCutoff): its last stores stayed calls, each vector handed to them boxed on the
    // heap, and the kernel ran 4-9x slower in situ than alone. 2 x 4 needs 20.

    private static void two4(ByteBuffer ab, int a0, int a1, ByteBuffer bb, int b0, int ldb, ByteBuffer cb, int c0, int c1, int k) {
        FloatVector c00 = ld(cb, c0);
        FloatVector c01 = ld(cb, c0 + L);
        FloatVector c02 = ld(cb, c0 + 2 * L);
        FloatVector c03 = ld(cb, c0 + 3 * L);
        FloatVector c10 = ld(cb, c1);
        FloatVector c11 = ld(cb, c1 + L);
        FloatVector c12 = ld(cb, c1 + 2 * L);
        FloatVector c13 = ld(cb, c1 + 3 * L);
        for (int p = 0; p < k; p++) {
            int bp = b0 + p * ldb;
            FloatVector v0 = ld(bb, bp);
            FloatVector v1 = ld(bb, bp + L);
            FloatVector v2 = ld(bb, bp + 2 * L);
            FloatVector v3 = ld(bb, bp + 3 * L);
            FloatVector x = bc(ab, a0 + p);
            c00 = v0.fma(x, c00);
            c01 = v1.fma(x, c01);
            c02 = v2.fma(x, c02);
            c03 = v3.fma(x, c03);
            x = bc(ab, a1 + p);
            c10 = v0.fma(x, c10);
            c11 = v1.fma(x, c11);
            c12 = v2.fma(x, c12);
            c13 = v3.fma(x, c13);
        }
        VectorKernels.store(c00, cb, c0);
        VectorKernels.store(c01, cb, c0 + L);
        VectorKernels.store(c02, cb, c0 + 2 * L);
        VectorKernels.store(c03, cb, c0 + 3 * L);
        VectorKernels.store(c10, cb, c1);
        VectorKernels.store(c11, cb, c1 + L);
        VectorKernels.store(c12, cb, c1 + 2 * L);
        VectorKernels.store(c13, cb, c1 + 3 * L);
    }

    private static void two2(ByteBuffer ab, int a0, int a1, ByteBuffer bb, int b0, int ldb, ByteBuffer cb, int c0, int c1, int k) {
        FloatVector c00 = ld(cb, c0);
        FloatVector c01 = ld(cb, c0 + L);
        FloatVector c10 = ld(cb, c1);
        FloatVector c11 = ld(cb, c1 + L);
        for (int p = 0; p < k; p++) {
            int bp = b0 + p * ldb;
            FloatVector v0 = ld(bb, bp);
            FloatVector v1 = ld(bb, bp + L);
            FloatVector x = bc(ab, a0 + p);
            c00 = v0.fma(x, c00);
            c01 = v1.fma(x, c01);
            x = bc(ab, a1 + p);
            c10 = v0.fma(x, c10);
            c11 = v1.fma(x, c11);
        }
        VectorKernels.store(c00, cb, c0);
        VectorKernels.store(c01, cb, c0 + L);
        VectorKernels.store(c10, cb, c1);
        VectorKernels.store(c11, cb, c1 + L);
    }

    private static void two1(ByteBuffer ab, int a0, int a1, ByteBuffer bb, int b0, int ldb, ByteBuffer cb, int c0, int c1, int k) {
        FloatVector c00 = ld(cb, c0);
        FloatVector c10 = ld(cb, c1);
        for (int p = 0; p < k; p++) {
            FloatVector v0 = ld(bb, b0 + p * ldb);
            c00 = v0.fma(bc(ab, a0 + p), c00);
            c10 = v0.fma(bc(ab, a1 + p), c10);
        }
        VectorKernels.store(c00, cb, c0);
        VectorKernels.store(c10, cb, c1);
    }

    /** One row x 4 vectors: a batch-1 latent or readout, the last row of an odd count. */
    private static void one4(ByteBuffer ab, int a0, ByteBuffer bb, int b0, int ldb, ByteBuffer cb, int c0, int k) {
        FloatVector c00 = ld(cb, c0);
        FloatVector c01 = ld(cb, c0 + L);
        FloatVector c02 = ld(cb, c0 + 2 * L);
        FloatVector c03 = ld(cb, c0 + 3 * L);
        for (int p = 0; p < k; p++) {
            int bp = b0 + p * ldb;
            FloatVector x = bc(ab, a0 + p);
            c00 = ld(bb, bp).fma(x, c00);
            c01 = ld(bb, bp + L).fma(x, c01);
            c02 = ld(bb, bp + 2 * L).fma(x, c02);
            c03 = ld(bb, bp + 3 * L).fma(x, c03);
        }
        VectorKernels.store(c00, cb, c0);
        VectorKernels.store(c01, cb, c0 + L);
        VectorKernels.store(c02, cb, c0 + 2 * L);
        VectorKernels.store(c03, cb, c0 + 3 * L);
    }

    private static void one1(ByteBuffer ab, int a0, ByteBuffer bb, int b0, int ldb, ByteBuffer cb, int c0, int k) {
        FloatVector acc = ld(cb, c0);
        for (int p = 0; p < k; p++) {
            acc = ld(bb, b0 + p * ldb).fma(bc(ab, a0 + p), acc);
        }
        VectorKernels.store(acc, cb, c0);
    }
}
