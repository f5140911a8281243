package org.reflectlab.core.nn.fast;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A probe, not a test (surefire does not run it): thread CPU time per product of {@link VectorTiles} (direct buffers),
 * {@link HeapTiles} (heap copies) and {@code cblas_sgemm}, for the batch-1 shapes, 1 to 128 rows; how
 * {@link HeapTiles#MIN_ROWS} was chosen (performance.md shows the command).
 */
public final class TilesProbe {

    private TilesProbe() {
    }

    private static Mat mat(int rows, int cols) {
        FloatBuffer f = ByteBuffer.allocateDirect(rows * cols * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        for (int i = 0; i < rows * cols; i++) {
            f.put(i, (float) Math.sin(i * 0.37));
        }
        return new Mat(f, 0, rows, cols, cols, Direct.bytes(f));
    }

    public static void main(String[] args) {
        ThreadMXBean tm = ManagementFactory.getThreadMXBean();
        int[][] shapes = {{128, 384}, {128, 128}, {128, 512}, {512, 128}, {96, 96}, {96, 384}};
        int[] rows = {1, 2, 4, 8, 14, 24, 32, 64, 128};
        String[] names = {"direct tiles", "heap tiles", "cblas_sgemm"};
        for (int round = 0; round < 2; round++) {
            for (int[] s : shapes) {
                for (int m : rows) {
                    Mat a = mat(m, s[0]);
                    Mat b = mat(s[0], s[1]);
                    Mat c = mat(m, s[1]);
                    Mat bias = mat(1, s[1]);
                    double[] us = new double[names.length];
                    long reps = Math.max(20, 4_000_000L / ((long) m * s[0] * s[1] / 64 + 1));
                    for (int kind = 0; kind < names.length; kind++) {
                        for (int w = 0; w < reps; w++) {
                            run(kind, a, b, c, bias);
                        }
                        long t0 = tm.getCurrentThreadCpuTime();
                        for (int w = 0; w < reps; w++) {
                            run(kind, a, b, c, bias);
                        }
                        us[kind] = (tm.getCurrentThreadCpuTime() - t0) / 1e3 / reps;
                    }
                    if (round == 1) { // the first round warms the JIT up
                        System.out.printf("[%3d, %d] x [%d, %d]: %s %.2f us, %s %.2f us, %s %.2f us; heap / direct %.2f%n",
                                m, s[0], s[0], s[1], names[0], us[0], names[1], us[1], names[2], us[2], us[1] / us[0]);
                    }
                }
            }
        }
    }

    private static void run(int kind, Mat a, Mat b, Mat c, Mat bias) {
        if (kind == 0) {
            VectorTiles.gemm(a, b, c, 1f, 0f, bias);
        } else if (kind == 1) {
            HeapTiles.gemm(a, b, c, 1f, 0f, bias);
        } else {
            Blas.gemm(false, c.rows(), c.cols(), a.cols(), 1f, a.buf(), 0, a.ld(), b.buf(), 0, b.ld(), false, 0f, c.buf(), 0, c.ld());
        }
    }
}
