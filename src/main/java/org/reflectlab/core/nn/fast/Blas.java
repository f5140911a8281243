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

    /**
     * c = alpha * op(a) op(b) + beta * c on Mats (op = transpose when asked): the shapes come from the
     * Mats, so a call cannot mix up a dimension. c is [m, n]; op(a) is [m, k]; op(b) is [k, n].
     */
    static void gemm(Mat a, boolean transA, Mat b, boolean transB, Mat c, float alpha, float beta) {
        int m = c.rows();
        int n = c.cols();
        int k = transA ? a.rows() : a.cols();
        if ((transA ? a.cols() : a.rows()) != m || (transB ? b.cols() : b.rows()) != k || (transB ? b.rows() : b.cols()) != n) {
            throw new IllegalArgumentException("gemm shapes do not fit: " + a + (transA ? "^T" : "") + " x " + b
                    + (transB ? "^T" : "") + " -> " + c);
        }
        if (m == 1 && !transA && !transB && Kernels.VECTOR) {
            // one row (batch-1 readouts and latents): 2-3x faster than cblas_sgemm in a probe on the loaded machine
            // ([1, 1024] x [1024, 128], [1, 128] x [128, 384]); cblas_sgemm packs all of b first
            long t0 = KernelTimer.start();
            VectorKernels.gemmRows(a, b, c, alpha, beta);
            KernelTimer.stop((long) m * n * k < KernelTimer.SMALL_GEMM ? KernelTimer.Kind.GEMM_SMALL : KernelTimer.Kind.GEMM, t0);
            return;
        }
        gemm(transA, m, n, k, alpha, a.buf(), a.off(), a.ld(), b.buf(), b.off(), b.ld(), transB, beta, c.buf(), c.off(), c.ld());
    }

    /** JavaCPP passes a buffer's address plus its position, so an offset is a positioned duplicate. */
    private static FloatBuffer at(FloatBuffer buffer, int offset) {
        return offset == 0 && buffer.position() == 0 ? buffer : buffer.duplicate().position(offset);
    }
}
