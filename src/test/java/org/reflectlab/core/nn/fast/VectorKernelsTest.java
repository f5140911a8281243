package org.reflectlab.core.nn.fast;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The vectorised kernels give the scalar loops' results (the fallback where the Vector API is
 * missing), on shapes whose widths are not multiples of the vector length and on Mats that start
 * inside their buffer.
 */
class VectorKernelsTest {

    private final SplittableRandom rnd = new SplittableRandom(11);

    @Test
    void theTestJvmRunsTheVectorisedKernels() {
        assertTrue(Kernels.VECTOR, "surefire adds jdk.incubator.vector: the fast path should run vectorised here");
    }

    private Mat random(int rows, int cols, int pad) {
        FloatBuffer b = ByteBuffer.allocateDirect((pad + rows * cols) * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        for (int i = 0; i < b.capacity(); i++) {
            b.put(i, (float) (rnd.nextGaussian() * 2));
        }
        return new Mat(b, pad, rows, cols);
    }

    private static Mat copy(Mat m) {
        FloatBuffer b = ByteBuffer.allocateDirect(m.buf().capacity() * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        for (int i = 0; i < b.capacity(); i++) {
            b.put(i, m.buf().get(i));
        }
        return new Mat(b, m.off(), m.rows(), m.cols(), m.ld());
    }

    private static void same(String what, Mat expected, Mat actual) {
        double worst = 0;
        for (int r = 0; r < expected.rows(); r++) {
            for (int c = 0; c < expected.cols(); c++) {
                double e = expected.get(r, c);
                worst = Math.max(worst, Math.abs(e - actual.get(r, c)) / Math.max(1, Math.abs(e)));
            }
        }
        assertTrue(worst < 2e-5, what + ": relative difference " + worst);
    }

    /** Runs the scalar and the vector kernel on equal copies and compares what they wrote. */
    private void compare(String what, int rows, int cols, Consumer<Mat> scalar, Consumer<Mat> vector) {
        Mat a = random(rows, cols, 3);
        Mat b = copy(a);
        scalar.accept(a);
        vector.accept(b);
        same(what, a, b);
    }

    @Test
    void everyVectorisedKernelMatchesItsScalarLoop() {
        for (int cols : new int[] {1, 7, 16, 37, 96, 384}) {
            compare("gelu " + cols, 5, cols, m -> Kernels.geluScalar(m, m, null), m -> VectorKernels.gelu(m, m, null));
            compare("softmax " + cols, 6, cols, m -> Kernels.softmaxRowsScalar(m, false), m -> VectorKernels.softmaxRows(m, false));
            compare("causal softmax " + cols, 6, cols, m -> Kernels.softmaxRowsScalar(m, true), m -> VectorKernels.softmaxRows(m, true));
            FloatBuffer invA = FloatBuffer.allocate(8);
            FloatBuffer invB = FloatBuffer.allocate(8);
            compare("layer norm " + cols, 8, cols, m -> Kernels.layerNormScalar(m, m, invA), m -> VectorKernels.layerNorm(m, m, invB));
            Mat bias = random(1, cols, 0);
            compare("bias " + cols, 4, cols, m -> Kernels.addBiasScalar(m, bias.buf()), m -> VectorKernels.addBias(m, bias));
            Mat table = random(3, cols, 0);
            compare("positions " + cols, 7, cols, m -> Kernels.addTableScalar(m, table.buf(), 3), m -> Kernels.addTable(m, table));
            compare("positions from 1 " + cols, 2, cols,
                    m -> Kernels.addTableScalar(m, table.buf().duplicate().position(cols).slice(), 3),
                    m -> Kernels.addTable(m, table.rows(1, 2)));

            Mat y = random(4, cols, 0);
            Kernels.layerNormScalar(y, y, invA);
            Mat dy = random(4, cols, 0);
            compare("layer norm backward " + cols, 4, cols, m -> Kernels.layerNormBackwardScalar(y, invA, dy, m, true),
                    m -> VectorKernels.layerNormBackward(y, invA, dy, m, true));
            Mat u = random(4, cols, 0);
            Mat sig = random(4, cols, 0);
            Kernels.geluScalar(u, random(4, cols, 0), sig);
            compare("gelu backward " + cols, 4, cols, m -> Kernels.geluBackwardScalar(u, sig, m),
                    m -> VectorKernels.geluBackward(u, sig, m));
            Mat u1 = random(4, cols, 2);
            Mat u2 = copy(u1);
            Mat g1 = random(4, cols, 0);
            Mat g2 = random(4, cols, 0);
            Mat s1 = random(4, cols, 0);
            Mat s2 = random(4, cols, 0);
            Kernels.addBiasScalar(u1, bias.buf());
            Kernels.geluScalar(u1, g1, s1);
            VectorKernels.biasGelu(u2, bias, g2, s2);
            same("bias + gelu: the biased input " + cols, u1, u2);
            same("bias + gelu " + cols, g1, g2);
            same("bias + gelu: the sigmoid " + cols, s1, s2);
            Mat sigV = random(4, cols, 0);
            VectorKernels.gelu(u, random(4, cols, 0), sigV);
            same("kept sigmoid " + cols, sig, sigV);
        }
    }

    @Test
    void columnSumsMatch() {
        Mat x = random(9, 37, 2);
        FloatBuffer a = FloatBuffer.allocate(37);
        FloatBuffer b = ByteBuffer.allocateDirect(37 * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        Kernels.addColumnSumsScalar(x, Mat.of(a, 1, 37));
        VectorKernels.addColumnSums(x, Mat.of(b, 1, 37));
        for (int j = 0; j < 37; j++) {
            assertTrue(Math.abs(a.get(j) - b.get(j)) < 1e-4, "column " + j);
        }
    }

    @Test
    void fewRowProductsMatchAPlainLoop() {
        for (int[] shape : new int[][] {{1, 1024, 128}, {1, 37, 19}, {2, 96, 7}, {7, 96, 384}, {8, 37, 19}, {5, 128, 16}}) {
            int m = shape[0];
            int k = shape[1];
            int n = shape[2];
            Mat a = random(m, k, 1);
            Mat b = random(k, n, 2);
            for (float beta : new float[] {0f, 1f}) {
                Mat c = random(m, n, 3);
                double[] expected = new double[m * n];
                double[] bound = new double[m * n];
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double sum = 0;
                        double abs = 0;
                        for (int p = 0; p < k; p++) {
                            sum += (double) a.get(i, p) * b.get(p, j);
                            abs += Math.abs((double) a.get(i, p) * b.get(p, j));
                        }
                        expected[i * n + j] = 0.5 * sum + beta * c.get(i, j);
                        // float accumulation error grows with the sum of magnitudes, not with the (cancelled) result
                        bound[i * n + j] = 1e-6 * (abs + Math.abs(c.get(i, j))) + 1e-6;
                    }
                }
                VectorProducts.gemmRows(a, b, c, 0.5f, beta);
                for (int i = 0; i < m * n; i++) {
                    assertTrue(Math.abs(expected[i] - c.get(i / n, i % n)) <= bound[i],
                            "rows " + m + "x" + k + "x" + n + " beta " + beta + " at " + i + ": " + expected[i] + " vs " + c.get(i / n, i % n));
                }
            }
        }
    }
}
