package org.reflectlab.core.nn.fast;

import java.nio.FloatBuffer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Single-precision GEMM straight into OpenBLAS ({@code cblas_sgemm}), the same library ND4J
 * links, on direct float buffers. Measured here (1 thread): [64,96]x[96,96] costs 12.7 us this way
 * against 25 us through {@code Nd4j.gemm} and 94 us as a SameDiff op; [1,96]x[96,96] 3.5 us
 * against 13 and 74. Leading dimensions let a call read one attention head out of a [t, d] matrix
 * without a copy.
 */
final class Blas {

    private Blas() {
    }

    /**
     * Row-major C[m, n] = alpha * A[m, k] * op(B) + beta * C, where op(B) is B[k, n] or, transposed,
     * the [n, k] matrix B read as its transpose. Offsets and leading dimensions are in floats.
     */
    static void gemm(int m, int n, int k, float alpha, FloatBuffer a, int aOff, int lda,
                     FloatBuffer b, int bOff, int ldb, boolean transB, float beta, FloatBuffer c, int cOff, int ldc) {
        gemm(false, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, transB, beta, c, cOff, ldc);
    }

    /** As above, with op(A) the [m, k] matrix read from a stored [k, m] one when {@code transA}. */
    static void gemm(boolean transA, int m, int n, int k, float alpha, FloatBuffer a, int aOff, int lda,
                     FloatBuffer b, int bOff, int ldb, boolean transB, float beta, FloatBuffer c, int cOff, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        long t0 = KernelTimer.start();
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
                transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                m, n, k, alpha, at(a, aOff), lda, at(b, bOff), ldb, beta, at(c, cOff), ldc);
        KernelTimer.stop((long) m * n * k < KernelTimer.SMALL_GEMM ? KernelTimer.Kind.GEMM_SMALL : KernelTimer.Kind.GEMM, t0);
    }

    /** Work on rows [from, to) of a product's output, run right after those rows are computed (bias, GELU). */
    @FunctionalInterface
    interface Epilogue {
        void rows(int from, int to);
    }

    /**
     * How a product uses the compute threads: {@code lanes} (default) cuts it into row blocks that {@link Lanes}
     * hands to its threads, OpenBLAS running single-threaded inside each; {@code openblas} leaves the split to
     * OpenBLAS's own threads (the sixth session's behaviour); {@code single} runs OpenBLAS single-threaded and
     * does not split (how the two measured against each other). {@code -Dreflectlab.gemm=...}.
     */
    enum Threads { LANES, OPENBLAS, SINGLE }

    static final Threads THREADS = threads(System.getProperty("reflectlab.gemm", "lanes"));

    private static Threads threads(String v) {
        for (Threads t : Threads.values()) {
            if (t.name().equalsIgnoreCase(v.trim())) {
                return t;
            }
        }
        return Threads.LANES;
    }

    /** How many threads OpenBLAS itself should use when the fast path has {@code computeThreads}. */
    static int openblasThreads(int computeThreads) {
        return THREADS == Threads.OPENBLAS ? computeThreads : 1;
    }

    /**
     * Multiply-adds a product has at least before it splits over the lanes: [64, 96] x [96, 96] (590k) is
     * about 20 us of arithmetic, several times what handing a block to a spinning worker costs.
     */
    static final long SPLIT_MACS = 1L << 18;
    /** Rows a block has at least (a multiple of OpenBLAS's 16-row micro-kernel on AVX-512). */
    private static final int BLOCK_ROWS = 32;
    /**
     * Products of at most this many rows run on the Vector API kernel, not OpenBLAS. One row by default: up to 8
     * rows won in a probe on the loaded machine, but quiet `bench inference` runs side by side measured the batch-1
     * unified forward at 9.96 / 4.45 ms with 8 rows against 5.00 / 3.00 with 1 (performance.md);
     * {@code -Dreflectlab.gemm.fewRows=N} moves the bound to compare (0: OpenBLAS for all).
     */
    static final int FEW_ROWS = Integer.getInteger("reflectlab.gemm.fewRows", 1);
    /**
     * Rows up to which a product without transposes runs on {@link VectorTiles} (the current kernel set): every product
     * of a batch-1 forward (at most 128 rows: the image decoder's two latents x 64 patches). The training step's
     * products (batch 32: 224 to 4,096 rows) stay on OpenBLAS, which packs b once for many rows there.
     * {@code -Dreflectlab.gemm.tileRows=N} moves the bound (0: none).
     */
    static final int TILE_ROWS = Integer.getInteger("reflectlab.gemm.tileRows", 128);

    /** Whether c[m, n] = op(a) op(b) runs on {@link VectorTiles} rather than OpenBLAS. */
    static boolean tiled(int m, int n, boolean transA, boolean transB) {
        return !transA && !transB && m <= TILE_ROWS && Kernels.VECTOR && !KernelSet.reference() && VectorTiles.fits(n);
    }

    /**
     * c = alpha * op(a) op(b) + beta * c on Mats (op = transpose when asked): the shapes come from the
     * Mats, so a call cannot mix up a dimension. c is [m, n]; op(a) is [m, k]; op(b) is [k, n].
     */
    static void gemm(Mat a, boolean transA, Mat b, boolean transB, Mat c, float alpha, float beta) {
        gemm(a, transA, b, transB, c, alpha, beta, null);
    }

    /**
     * As above, then {@code epilogue} over c's rows: block by block as each block's product is done (on the
     * lane that computed it, while the block is still in its cache) when the product splits, else once over all.
     * A block's product never depends on another's, so a split changes no value's sum.
     */
    static void gemm(Mat a, boolean transA, Mat b, boolean transB, Mat c, float alpha, float beta, Epilogue epilogue) {
        gemm(a, transA, b, transB, c, alpha, beta, null, epilogue);
    }

    /**
     * As above with {@code bias} (a one-row Mat, or null) added to every row of c before the epilogue: inside the
     * product where it runs on {@link VectorTiles}, as a pass over each block of rows otherwise.
     */
    static void gemm(Mat a, boolean transA, Mat b, boolean transB, Mat c, float alpha, float beta, Mat bias, Epilogue epilogue) {
        int m = c.rows();
        int n = c.cols();
        int k = transA ? a.rows() : a.cols();
        if ((transA ? a.cols() : a.rows()) != m || (transB ? b.cols() : b.rows()) != k || (transB ? b.rows() : b.cols()) != n) {
            throw new IllegalArgumentException("gemm shapes do not fit: " + a + (transA ? "^T" : "") + " x " + b
                    + (transB ? "^T" : "") + " -> " + c);
        }
        long macs = (long) m * n * k;
        if (tiled(m, n, transA, transB)) {
            tiles(a, b, c, alpha, beta, bias, epilogue, macs);
            return;
        }
        Epilogue after = bias == null ? epilogue : (from, to) -> {
            Kernels.addBias(c.rows(from, to - from), bias);
            if (epilogue != null) {
                epilogue.rows(from, to);
            }
        };
        if (m <= FEW_ROWS && !transA && !transB && Kernels.VECTOR) {
            // a few rows (batch-1 tokens, readouts and latents): 2-3x faster than cblas_sgemm in a probe on the loaded
            // machine ([1, 1024] x [1024, 128], [1, 128] x [128, 384]); cblas_sgemm packs all of b first
            long t0 = KernelTimer.start();
            VectorProducts.gemmRows(a, b, c, alpha, beta);
            KernelTimer.stop(macs < KernelTimer.SMALL_GEMM ? KernelTimer.Kind.GEMM_SMALL : KernelTimer.Kind.GEMM, t0);
        } else if (THREADS == Threads.LANES && Lanes.count() > 1 && macs >= SPLIT_MACS && m >= 2 * BLOCK_ROWS) {
            Lanes.split(m, BLOCK_ROWS, 16, (lane, from, to) -> {
                Mat aPart = transA ? a.cols(from, to - from) : a.rows(from, to - from);
                Mat cPart = c.rows(from, to - from);
                gemm(transA, to - from, n, k, alpha, aPart.buf(), aPart.off(), aPart.ld(), b.buf(), b.off(), b.ld(), transB,
                        beta, cPart.buf(), cPart.off(), cPart.ld());
                if (after != null) {
                    after.rows(from, to);
                }
            });
            return;
        } else if (THREADS == Threads.LANES && Lanes.count() > 1 && macs >= SPLIT_MACS && n >= 2 * BLOCK_ROWS) {
            // few rows, many columns (a weight gradient [in, out] summed over a batch's rows): split by columns
            Lanes.split(n, BLOCK_ROWS, 16, (lane, from, to) -> {
                Mat bPart = transB ? b.rows(from, to - from) : b.cols(from, to - from);
                Mat cPart = c.cols(from, to - from);
                gemm(transA, m, to - from, k, alpha, a.buf(), a.off(), a.ld(), bPart.buf(), bPart.off(), bPart.ld(), transB,
                        beta, cPart.buf(), cPart.off(), cPart.ld());
            });
        } else {
            gemm(transA, m, n, k, alpha, a.buf(), a.off(), a.ld(), b.buf(), b.off(), b.ld(), transB, beta, c.buf(), c.off(), c.ld());
        }
        if (after != null) {
            after.rows(0, m);
        }
    }

    /** c = alpha * a b + beta * c on {@link VectorTiles} whatever the shapes (n a multiple of the vector length), timed. */
    static void timedTiles(Mat a, Mat b, Mat c, float alpha, float beta) {
        long t0 = KernelTimer.start();
        tile(a, b, c, alpha, beta, null);
        KernelTimer.stop((long) c.rows() * c.cols() * a.cols() < KernelTimer.SMALL_GEMM ? KernelTimer.Kind.GEMM_SMALL
                : KernelTimer.Kind.GEMM, t0);
    }

    /** A product on {@link VectorTiles}, in row blocks over the lanes when it is large enough to pay for the hand-over. */
    private static void tiles(Mat a, Mat b, Mat c, float alpha, float beta, Mat bias, Epilogue epilogue, long macs) {
        int m = c.rows();
        long t0 = KernelTimer.start();
        if (Lanes.count() > 1 && macs >= SPLIT_MACS && m >= 2 * BLOCK_ROWS) {
            Lanes.split(m, BLOCK_ROWS, 4, (lane, from, to) -> {
                tile(a.rows(from, to - from), b, c.rows(from, to - from), alpha, beta, bias);
                if (epilogue != null) {
                    epilogue.rows(from, to);
                }
            });
            KernelTimer.stop(macs < KernelTimer.SMALL_GEMM ? KernelTimer.Kind.GEMM_SMALL : KernelTimer.Kind.GEMM, t0);
            return;
        }
        tile(a, b, c, alpha, beta, bias);
        KernelTimer.stop(macs < KernelTimer.SMALL_GEMM ? KernelTimer.Kind.GEMM_SMALL : KernelTimer.Kind.GEMM, t0);
        if (epilogue != null) {
            epilogue.rows(0, m);
        }
    }

    /**
     * A product on the Vector API tiles: on heap copies ({@link HeapTiles}, 4-row tiles) from a few rows, on the direct
     * buffers ({@link VectorTiles}) below, where copying b would cost more than the tiles' passes over it.
     */
    private static void tile(Mat a, Mat b, Mat c, float alpha, float beta, Mat bias) {
        if (HeapTiles.takes(c.rows(), c.cols())) {
            HeapTiles.gemm(a, b, c, alpha, beta, bias);
        } else {
            VectorTiles.gemm(a, b, c, alpha, beta, bias);
        }
    }

    /** JavaCPP passes a buffer's address plus its position, so an offset is a positioned duplicate. */
    private static FloatBuffer at(FloatBuffer buffer, int offset) {
        return offset == 0 && buffer.position() == 0 ? buffer : buffer.duplicate().position(offset);
    }
}
