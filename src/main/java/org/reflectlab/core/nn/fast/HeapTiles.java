package org.reflectlab.core.nn.fast;

import java.nio.FloatBuffer;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorTiles}' products on heap copies: a, b and c copied into per-thread {@code float[]} scratch (bulk
 * copies, memcpy speed), the tiles run there in 4 rows x up to 4 vectors (16 accumulators), and c copied back.
 * Why: a Vector API load or store of a direct buffer inlines some 25 methods and carries a bounds and scope check
 * each (JFR put a third of a reflection iteration's samples in {@code Objects.checkIndex} under those loads), so the
 * direct-buffer tiles stop at 2 x 4 (C2's node budget, see VectorTiles); an array load inlines a handful and a 4 x 4
 * tile fits, reading each vector of b once per 4 rows instead of 2. Copying b per call, not caching it, keeps no
 * second copy of any weight that training, a restore or SameDiff could change behind it; its cost is one pass over b
 * against the m / 4 passes the tiles make, which is why only products of {@link #MIN_ROWS} rows or more come here.
 * Each value is summed exactly as on VectorTiles (start from beta c + bias, products over p in order, alpha after),
 * so the two give the same bits.
 */
final class HeapTiles {

    private static final VectorSpecies<Float> S = VectorKernels.S;
    private static final int L = S.length();
    /**
     * Rows from which a product takes this path ({@code -Dreflectlab.gemm.heapRows}; 0: never). Below it the copy of b
     * weighs too much against the product: 1.0-1.7x the direct tiles' time at 1 and 2 rows, 0.55-0.96x at 4, 0.25-0.5x
     * from 8 rows (the {@code TilesProbe} test tool, loaded machine, performance.md).
     */
    static final int MIN_ROWS = Integer.getInteger("reflectlab.gemm.heapRows", 4);

    /** Per-thread scratch: the lanes run products side by side. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private HeapTiles() {
    }

    /**
     * Whether a product of m rows and n columns runs here rather than on the direct-buffer tiles: only whole vectors of
     * columns. The columns past the last whole vector are a scalar loop over k here; on the quiet machine products with
     * such a tail (n under one vector, or not a multiple of it) made a generator NFE and a judge call 1.4-1.6x slower
     * than the reference kernels, against 0.44x with them left to the direct tiles (`bench inference`, performance.md).
     */
    static boolean takes(int m, int n) {
        return MIN_ROWS > 0 && m >= MIN_ROWS && n % L == 0;
    }

    /** c[m, n] = alpha * a[m, k] b[k, n] + beta * c, plus {@code bias} on every row: {@link VectorTiles#gemm}'s contract. */
    static void gemm(Mat a, Mat b, Mat c, float alpha, float beta, Mat bias) {
        if (alpha != 1f && (beta != 0f || bias != null)) {
            throw new IllegalArgumentException("alpha other than 1 only without beta and bias (attention scores)");
        }
        int m = c.rows();
        int n = c.cols();
        int k = a.cols();
        Scratch s = SCRATCH.get();
        float[] ah = s.a(m * k);
        float[] bh = s.b(k * n);
        float[] ch = s.c(m * n);
        copyIn(a, ah);
        copyIn(b, bh);
        start(c, ch, beta, bias, s);
        int whole = n / L * L;
        for (int j = 0; j < whole; ) {
            int left = (whole - j) / L;
            int vectors = left >= 4 ? 4 : left >= 2 ? 2 : 1;
            int i = 0;
            for (; i + 4 <= m; i += 4) {
                if (vectors == 4) {
                    four4(ah, i * k, bh, j, n, ch, i * n + j, k);
                } else if (vectors == 2) {
                    four2(ah, i * k, bh, j, n, ch, i * n + j, k);
                } else {
                    four1(ah, i * k, bh, j, n, ch, i * n + j, k);
                }
            }
            if (vectors == 4) {
                for (; i + 2 <= m; i += 2) {
                    two4(ah, i * k, bh, j, n, ch, i * n + j, k);
                }
                for (; i < m; i++) {
                    one4(ah, i * k, bh, j, n, ch, i * n + j, k);
                }
            }
            for (; i < m; i++) {
                for (int v = 0; v < vectors; v++) {
                    one1(ah, i * k, bh, j + v * L, n, ch, i * n + j + v * L, k);
                }
            }
            j += vectors * L;
        }
        for (int i = 0; i < m; i++) {
            for (int j = whole; j < n; j++) {
                float acc = ch[i * n + j];
                for (int p = 0; p < k; p++) {
                    acc = Math.fma(bh[p * n + j], ah[i * k + p], acc);
                }
                ch[i * n + j] = acc;
            }
        }
        if (alpha != 1f) {
            for (int i = 0; i < m * n; i++) {
                ch[i] *= alpha;
            }
        }
        copyOut(ch, c);
    }

    /** A Mat's rows into a dense [rows, cols] array. */
    private static void copyIn(Mat x, float[] to) {
        FloatBuffer buf = x.buf();
        int cols = x.cols();
        if (x.ld() == cols) {
            buf.get(x.off(), to, 0, x.rows() * cols);
            return;
        }
        for (int r = 0; r < x.rows(); r++) {
            buf.get(x.off() + r * x.ld(), to, r * cols, cols);
        }
    }

    private static void copyOut(float[] from, Mat x) {
        FloatBuffer buf = x.buf();
        int cols = x.cols();
        if (x.ld() == cols) {
            buf.put(x.off(), from, 0, x.rows() * cols);
            return;
        }
        for (int r = 0; r < x.rows(); r++) {
            buf.put(x.off() + r * x.ld(), from, r * cols, cols);
        }
    }

    /** ch = beta * c + bias, as VectorTiles starts its tiles (beta 0 reads nothing of c: zero plus the bias). */
    private static void start(Mat c, float[] ch, float beta, Mat bias, Scratch s) {
        int m = c.rows();
        int n = c.cols();
        if (beta != 0f) {
            copyIn(c, ch);
            if (beta != 1f) {
                for (int i = 0; i < m * n; i++) {
                    ch[i] *= beta;
                }
            }
        }
        if (bias == null) {
            if (beta == 0f) {
                java.util.Arrays.fill(ch, 0, m * n, 0f);
            }
            return;
        }
        float[] bh = s.bias(n);
        copyIn(bias, bh);
        int whole = n / L * L;
        FloatVector zero = FloatVector.zero(S);
        for (int i = 0; i < m; i++) {
            int row = i * n;
            int j = 0;
            for (; j < whole; j += L) {
                (beta == 0f ? zero : ld(ch, row + j)).add(ld(bh, j)).intoArray(ch, row + j);
            }
            for (; j < n; j++) {
                ch[row + j] = (beta == 0f ? 0f : ch[row + j]) + bh[j];
            }
        }
    }

    private static FloatVector ld(float[] x, int at) {
        return FloatVector.fromArray(S, x, at);
    }

    private static FloatVector bc(float[] a, int at) {
        return FloatVector.broadcast(S, a[at]);
    }

    // The micro-kernels: 4 rows x up to 4 vectors, accumulators as locals (16 + 4 of b + 1 broadcast: 21 of AVX-512's
    // 32 vector registers). a's rows are k apart, b's and c's rows n apart.

    private static void four4(float[] a, int a0, float[] b, int b0, int n, float[] c, int c0, int k) {
        int a1 = a0 + k;
        int a2 = a1 + k;
        int a3 = a2 + k;
        int c1 = c0 + n;
        int c2 = c1 + n;
        int c3 = c2 + n;
        FloatVector c00 = ld(c, c0);
        FloatVector c01 = ld(c, c0 + L);
        FloatVector c02 = ld(c, c0 + 2 * L);
        FloatVector c03 = ld(c, c0 + 3 * L);
        FloatVector c10 = ld(c, c1);
        FloatVector c11 = ld(c, c1 + L);
        FloatVector c12 = ld(c, c1 + 2 * L);
        FloatVector c13 = ld(c, c1 + 3 * L);
        FloatVector c20 = ld(c, c2);
        FloatVector c21 = ld(c, c2 + L);
        FloatVector c22 = ld(c, c2 + 2 * L);
        FloatVector c23 = ld(c, c2 + 3 * L);
        FloatVector c30 = ld(c, c3);
        FloatVector c31 = ld(c, c3 + L);
        FloatVector c32 = ld(c, c3 + 2 * L);
        FloatVector c33 = ld(c, c3 + 3 * L);
        for (int p = 0; p < k; p++) {
            int bp = b0 + p * n;
            FloatVector v0 = ld(b, bp);
            FloatVector v1 = ld(b, bp + L);
            FloatVector v2 = ld(b, bp + 2 * L);
            FloatVector v3 = ld(b, bp + 3 * L);
            FloatVector x = bc(a, a0 + p);
            c00 = v0.fma(x, c00);
            c01 = v1.fma(x, c01);
            c02 = v2.fma(x, c02);
            c03 = v3.fma(x, c03);
            x = bc(a, a1 + p);
            c10 = v0.fma(x, c10);
            c11 = v1.fma(x, c11);
            c12 = v2.fma(x, c12);
            c13 = v3.fma(x, c13);
            x = bc(a, a2 + p);
            c20 = v0.fma(x, c20);
            c21 = v1.fma(x, c21);
            c22 = v2.fma(x, c22);
            c23 = v3.fma(x, c23);
            x = bc(a, a3 + p);
            c30 = v0.fma(x, c30);
            c31 = v1.fma(x, c31);
            c32 = v2.fma(x, c32);
            c33 = v3.fma(x, c33);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + L);
        c02.intoArray(c, c0 + 2 * L);
        c03.intoArray(c, c0 + 3 * L);
        c10.intoArray(c, c1);
        c11.intoArray(c, c1 + L);
        c12.intoArray(c, c1 + 2 * L);
        c13.intoArray(c, c1 + 3 * L);
        c20.intoArray(c, c2);
        c21.intoArray(c, c2 + L);
        c22.intoArray(c, c2 + 2 * L);
        c23.intoArray(c, c2 + 3 * L);
        c30.intoArray(c, c3);
        c31.intoArray(c, c3 + L);
        c32.intoArray(c, c3 + 2 * L);
        c33.intoArray(c, c3 + 3 * L);
    }

    private static void four2(float[] a, int a0, float[] b, int b0, int n, float[] c, int c0, int k) {
        int a1 = a0 + k;
        int a2 = a1 + k;
        int a3 = a2 + k;
        int c1 = c0 + n;
        int c2 = c1 + n;
        int c3 = c2 + n;
        FloatVector c00 = ld(c, c0);
        FloatVector c01 = ld(c, c0 + L);
        FloatVector c10 = ld(c, c1);
        FloatVector c11 = ld(c, c1 + L);
        FloatVector c20 = ld(c, c2);
        FloatVector c21 = ld(c, c2 + L);
        FloatVector c30 = ld(c, c3);
        FloatVector c31 = ld(c, c3 + L);
        for (int p = 0; p < k; p++) {
            int bp = b0 + p * n;
            FloatVector v0 = ld(b, bp);
            FloatVector v1 = ld(b, bp + L);
            FloatVector x = bc(a, a0 + p);
            c00 = v0.fma(x, c00);
            c01 = v1.fma(x, c01);
            x = bc(a, a1 + p);
            c10 = v0.fma(x, c10);
            c11 = v1.fma(x, c11);
            x = bc(a, a2 + p);
            c20 = v0.fma(x, c20);
            c21 = v1.fma(x, c21);
            x = bc(a, a3 + p);
            c30 = v0.fma(x, c30);
            c31 = v1.fma(x, c31);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + L);
        c10.intoArray(c, c1);
        c11.intoArray(c, c1 + L);
        c20.intoArray(c, c2);
        c21.intoArray(c, c2 + L);
        c30.intoArray(c, c3);
        c31.intoArray(c, c3 + L);
    }

    private static void four1(float[] a, int a0, float[] b, int b0, int n, float[] c, int c0, int k) {
        int a1 = a0 + k;
        int a2 = a1 + k;
        int a3 = a2 + k;
        FloatVector c00 = ld(c, c0);
        FloatVector c10 = ld(c, c0 + n);
        FloatVector c20 = ld(c, c0 + 2 * n);
        FloatVector c30 = ld(c, c0 + 3 * n);
        for (int p = 0; p < k; p++) {
            FloatVector v0 = ld(b, b0 + p * n);
            c00 = v0.fma(bc(a, a0 + p), c00);
            c10 = v0.fma(bc(a, a1 + p), c10);
            c20 = v0.fma(bc(a, a2 + p), c20);
            c30 = v0.fma(bc(a, a3 + p), c30);
        }
        c00.intoArray(c, c0);
        c10.intoArray(c, c0 + n);
        c20.intoArray(c, c0 + 2 * n);
        c30.intoArray(c, c0 + 3 * n);
    }

    private static void two4(float[] a, int a0, float[] b, int b0, int n, float[] c, int c0, int k) {
        int a1 = a0 + k;
        int c1 = c0 + n;
        FloatVector c00 = ld(c, c0);
        FloatVector c01 = ld(c, c0 + L);
        FloatVector c02 = ld(c, c0 + 2 * L);
        FloatVector c03 = ld(c, c0 + 3 * L);
        FloatVector c10 = ld(c, c1);
        FloatVector c11 = ld(c, c1 + L);
        FloatVector c12 = ld(c, c1 + 2 * L);
        FloatVector c13 = ld(c, c1 + 3 * L);
        for (int p = 0; p < k; p++) {
            int bp = b0 + p * n;
            FloatVector v0 = ld(b, bp);
            FloatVector v1 = ld(b, bp + L);
            FloatVector v2 = ld(b, bp + 2 * L);
            FloatVector v3 = ld(b, bp + 3 * L);
            FloatVector x = bc(a, a0 + p);
            c00 = v0.fma(x, c00);
            c01 = v1.fma(x, c01);
            c02 = v2.fma(x, c02);
            c03 = v3.fma(x, c03);
            x = bc(a, a1 + p);
            c10 = v0.fma(x, c10);
            c11 = v1.fma(x, c11);
            c12 = v2.fma(x, c12);
            c13 = v3.fma(x, c13);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + L);
        c02.intoArray(c, c0 + 2 * L);
        c03.intoArray(c, c0 + 3 * L);
        c10.intoArray(c, c1);
        c11.intoArray(c, c1 + L);
        c12.intoArray(c, c1 + 2 * L);
        c13.intoArray(c, c1 + 3 * L);
    }

    private static void one4(float[] a, int a0, float[] b, int b0, int n, float[] c, int c0, int k) {
        FloatVector c00 = ld(c, c0);
        FloatVector c01 = ld(c, c0 + L);
        FloatVector c02 = ld(c, c0 + 2 * L);
        FloatVector c03 = ld(c, c0 + 3 * L);
        for (int p = 0; p < k; p++) {
            int bp = b0 + p * n;
            FloatVector x = bc(a, a0 + p);
            c00 = ld(b, bp).fma(x, c00);
            c01 = ld(b, bp + L).fma(x, c01);
            c02 = ld(b, bp + 2 * L).fma(x, c02);
            c03 = ld(b, bp + 3 * L).fma(x, c03);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + L);
        c02.intoArray(c, c0 + 2 * L);
        c03.intoArray(c, c0 + 3 * L);
    }

    private static void one1(float[] a, int a0, float[] b, int b0, int n, float[] c, int c0, int k) {
        FloatVector acc = ld(c, c0);
        for (int p = 0; p < k; p++) {
            acc = ld(b, b0 + p * n).fma(bc(a, a0 + p), acc);
        }
        acc.intoArray(c, c0);
    }

    /** Growable per-thread arrays (a few hundred kB at most: b is a weight of the small models). */
    private static final class Scratch {
        private float[] a = new float[0];
        private float[] b = new float[0];
        private float[] c = new float[0];
        private float[] bias = new float[0];

        float[] a(int size) {
            return a.length >= size ? a : (a = new float[size]);
        }

        float[] b(int size) {
            return b.length >= size ? b : (b = new float[size]);
        }

        float[] bias(int size) {
            return bias.length >= size ? bias : (bias = new float[size]);
        }

        float[] c(int size) {
            return c.length >= size ? c : (c = new float[size]);
        }
    }
}
