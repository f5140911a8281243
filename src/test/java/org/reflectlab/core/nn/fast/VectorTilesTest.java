package org.reflectlab.core.nn.fast;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The register-tiled products ({@link VectorTiles}) against a plain loop, and the products a dense layer makes with the
 * current kernels against the reference set's (OpenBLAS, bias as its own pass: the path without the Vector API), on
 * every row count a tile can leave over, widths with and without a tail past the last vector, Mats inside their
 * buffers (offsets, leading dimensions of a head's columns), accumulation into c and a bias.
 */
class VectorTilesTest {

    private final SplittableRandom rnd = new SplittableRandom(5);

    private Mat random(int rows, int cols, int pad, int ld) {
        int size = pad + (rows - 1) * ld + cols;
        ByteBuffer bytes = ByteBuffer.allocateDirect(size * Float.BYTES).order(ByteOrder.nativeOrder());
        FloatBuffer b = bytes.asFloatBuffer();
        for (int i = 0; i < size; i++) {
            b.put(i, (float) rnd.nextGaussian());
        }
        return new Mat(b, pad, rows, cols, ld, bytes);
    }

    private static Mat copy(Mat m) {
        ByteBuffer bytes = ByteBuffer.allocateDirect(m.buf().capacity() * Float.BYTES).order(ByteOrder.nativeOrder());
        FloatBuffer b = bytes.asFloatBuffer();
        for (int i = 0; i < b.capacity(); i++) {
            b.put(i, m.buf().get(i));
        }
        return new Mat(b, m.off(), m.rows(), m.cols(), m.ld(), bytes);
    }

    /** c = alpha a b + beta c + bias, in double. */
    private static double[][] expected(Mat a, Mat b, Mat c, float alpha, float beta, Mat bias) {
        double[][] out = new double[c.rows()][c.cols()];
        for (int i = 0; i < c.rows(); i++) {
            for (int j = 0; j < c.cols(); j++) {
                double acc = 0;
                for (int p = 0; p < a.cols(); p++) {
                    acc += (double) a.get(i, p) * b.get(p, j);
                }
                out[i][j] = alpha * acc + beta * c.get(i, j) + (bias == null ? 0 : bias.get(0, j));
            }
        }
        return out;
    }

    private static void close(String what, double[][] expected, Mat actual) {
        double worst = 0;
        for (int i = 0; i < actual.rows(); i++) {
            for (int j = 0; j < actual.cols(); j++) {
                worst = Math.max(worst, Math.abs(expected[i][j] - actual.get(i, j)) / Math.max(1, Math.abs(expected[i][j])));
            }
        }
        assertTrue(worst < 2e-5, what + ": relative difference " + worst);
    }

    @Test
    void tilesMatchAPlainLoopOnEveryRemainder() {
        int l = VectorKernels.S.length();
        for (int rows : new int[] {1, 2, 3, 4, 5, 7, 9, 24}) {
            for (int cols : new int[] {l, 2 * l, 3 * l, 4 * l, 6 * l, 5 * l + 3, 2 * l + 1}) {
                int k = 37;
                Mat a = random(rows, k, 3, k + 5);
                Mat b = random(k, cols, 1, cols + 2);
                Mat bias = random(1, cols, 2, cols);
                Mat c = random(rows, cols, 4, cols + 7);
                double[][] want = expected(a, b, c, 1f, 1f, bias);
                VectorTiles.gemm(a, b, c, 1f, 1f, bias);
                close(rows + " x " + cols + ", beta 1, bias", want, c);
                Mat d = random(rows, cols, 0, cols);
                double[][] plain = expected(a, b, d, 1f, 0f, null);
                VectorTiles.gemm(a, b, d, 1f, 0f, null);
                close(rows + " x " + cols, plain, d);
                Mat e = random(rows, cols, 2, cols + 1);
                double[][] scaled = expected(a, b, e, 0.5f, 0f, null);
                VectorTiles.gemm(a, b, e, 0.5f, 0f, null);
                close(rows + " x " + cols + ", alpha 0.5", scaled, e);
                Mat f = random(rows, cols, 0, cols);
                double[][] halved = expected(a, b, f, 1f, 0.5f, bias);
                VectorTiles.gemm(a, b, f, 1f, 0.5f, bias);
                close(rows + " x " + cols + ", beta 0.5, bias", halved, f);
            }
        }
    }

    /**
     * The heap-copy tiles sum every value as the direct-buffer tiles do (from beta c + bias, over p in order, alpha
     * after), so they must give the same bits, and both the plain loop's values; rows cover every 4- and 2-row
     * remainder, Mats sit inside their buffers (offsets, leading dimensions), and values beside c must stay as they were.
     */
    @Test
    void heapTilesGiveTheDirectTilesBits() {
        int l = VectorKernels.S.length();
        for (int rows : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 13, 33}) {
            for (int cols : new int[] {l, 2 * l, 3 * l, 4 * l, 5 * l, 6 * l, 7 * l + 3, 2 * l + 1}) {
                int k = 29;
                Mat a = random(rows, k, 3, k + 5);
                Mat b = random(k, cols, 1, cols + 2);
                Mat bias = random(1, cols, 2, cols);
                float[][] cases = {{1f, 1f}, {1f, 0f}, {0.5f, 0f}, {1f, 0.5f}};
                for (float[] ab : cases) {
                    Mat withBias = ab[0] == 1f && ab[1] != 0f ? bias : null;
                    Mat c = random(rows, cols, 4, cols + 7);
                    Mat d = copy(c);
                    double[][] want = expected(a, b, c, ab[0], ab[1], withBias);
                    VectorTiles.gemm(a, b, c, ab[0], ab[1], withBias);
                    HeapTiles.gemm(a, b, d, ab[0], ab[1], withBias);
                    String what = rows + " x " + cols + ", alpha " + ab[0] + ", beta " + ab[1];
                    close(what + " (heap)", want, d);
                    for (int i = 0; i < c.buf().capacity(); i++) {
                        if (Float.floatToRawIntBits(c.buf().get(i)) != Float.floatToRawIntBits(d.buf().get(i))) {
                            throw new AssertionError(what + ": heap tiles differ from the direct tiles at buffer index " + i
                                    + ": " + d.buf().get(i) + " vs " + c.buf().get(i));
                        }
                    }
                }
            }
        }
    }

    @Test
    void aWidthWithALongTailStaysOnOpenBlas() {
        int l = VectorKernels.S.length();
        assertTrue(VectorTiles.fits(l) && VectorTiles.fits(2 * l + 3));
        assertFalse(VectorTiles.fits(l + l / 2), "a head of 24 values (16 + 8) would spend half its time in scalar code");
        assertFalse(Blas.tiled(Blas.TILE_ROWS + 1, 4 * l, false, false), "the training step's products stay on OpenBLAS");
        assertFalse(Blas.tiled(8, 4 * l, false, true));
    }

    @Test
    void denseLayerProductsMatchTheReferenceKernels() {
        for (int rows : new int[] {1, 3, 7, 64, 128}) {
            Mat x = random(rows, 96, 0, 96);
            Mat w = random(96, 384, 0, 384);
            Mat bias = random(1, 384, 0, 384);
            Mat current = random(rows, 384, 0, 384);
            Mat reference = copy(current);
            assertTrue(Blas.tiled(rows, 384, false, false));
            Blas.gemm(x, false, w, false, current, 1f, 1f, bias, null);
            KernelSet.with(true, () -> {
                assertFalse(Blas.tiled(rows, 384, false, false));
                Blas.gemm(x, false, w, false, reference, 1f, 1f, bias, null);
                return null;
            });
            double[][] want = new double[rows][384];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < 384; j++) {
                    want[i][j] = reference.get(i, j);
                }
            }
            close(rows + " rows, current against reference", want, current);
        }
    }
}
