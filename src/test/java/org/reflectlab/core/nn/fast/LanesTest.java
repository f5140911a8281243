package org.reflectlab.core.nn.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Work split over two lanes gives the same bits as on one (each chunk is a range whose sums do not cross
 * another; kernels with an exponential to the last bit, see below), every index runs exactly once, a failure in a lane reaches the caller, and Adam's fused pass gives
 * the scalar loop's bits vectorised, split or not.
 */
class LanesTest {

    private final SplittableRandom rnd = new SplittableRandom(5);

    @AfterEach
    void oneLane() {
        Lanes.set(1);
    }

    private FloatBuffer random(int n) {
        FloatBuffer b = ByteBuffer.allocateDirect(n * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        for (int i = 0; i < n; i++) {
            b.put(i, (float) (rnd.nextGaussian() * 2));
        }
        return b;
    }

    private static FloatBuffer copy(FloatBuffer src) {
        FloatBuffer b = ByteBuffer.allocateDirect(src.capacity() * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        for (int i = 0; i < src.capacity(); i++) {
            b.put(i, src.get(i));
        }
        return b;
    }

    private static float[] values(FloatBuffer b) {
        float[] out = new float[b.capacity()];
        b.duplicate().clear().get(out);
        return out;
    }

    @Test
    void everyIndexRunsOnceAndBothLanesTakePart() {
        Lanes.set(2);
        assertEquals(2, Lanes.count());
        AtomicIntegerArray hits = new AtomicIntegerArray(10_000);
        Lanes.split(10_000, 100, 16, (lane, from, to) -> {
            assertEquals(0, from % 16, "chunks start on the alignment");
            for (int i = from; i < to; i++) {
                hits.incrementAndGet(i);
            }
        });
        for (int i = 0; i < hits.length(); i++) {
            assertEquals(1, hits.get(i), "index " + i);
        }
    }

    @Test
    void aSplitInsideASplitRunsOnItsCaller() {
        Lanes.set(2);
        AtomicIntegerArray hits = new AtomicIntegerArray(64);
        Lanes.split(8, (lane, from, to) -> {
            for (int s = from; s < to; s++) {
                int base = s * 8;
                Thread outer = Thread.currentThread();
                Lanes.split(8, (inner, a, b) -> {
                    assertEquals(outer, Thread.currentThread(), "nested splits stay on their thread");
                    for (int i = a; i < b; i++) {
                        hits.incrementAndGet(base + i);
                    }
                });
            }
        });
        for (int i = 0; i < hits.length(); i++) {
            assertEquals(1, hits.get(i), "index " + i);
        }
    }

    @Test
    void aFailureInAnyLaneReachesTheCaller() {
        Lanes.set(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Lanes.split(600, 100, 1, (lane, from, to) -> {
            if (to == 600) {
                throw new IllegalStateException("last chunk");
            }
        }));
        assertEquals("last chunk", e.getMessage());
        // and the lanes are free again
        AtomicIntegerArray hits = new AtomicIntegerArray(600);
        Lanes.split(600, 100, 1, (lane, from, to) -> {
            for (int i = from; i < to; i++) {
                hits.incrementAndGet(i);
            }
        });
        assertEquals(1, hits.get(599));
    }

    /** Runs a kernel on equal copies with one lane and with two, and wants the same bits. */
    private void sameOnTwoLanes(String what, int rows, int cols, Consumer<Mat> kernel) {
        sameOnTwoLanes(what, rows, cols, kernel, 0);
    }

    /**
     * The same within {@code relative}: a kernel with an exponential may differ in the last bit between a run the
     * JIT has compiled (its vector exp) and one it has not yet (Math.exp per lane), split or not.
     */
    private void sameOnTwoLanes(String what, int rows, int cols, Consumer<Mat> kernel, double relative) {
        FloatBuffer a = random(rows * cols + 5);
        FloatBuffer b = copy(a);
        Lanes.set(1);
        kernel.accept(new Mat(a, 5, rows, cols, cols, Direct.bytes(a)));
        Lanes.set(2);
        kernel.accept(new Mat(b, 5, rows, cols, cols, Direct.bytes(b)));
        if (relative == 0) {
            assertArrayEquals(values(a), values(b), what);
            return;
        }
        float[] x = values(a);
        float[] y = values(b);
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], y[i], relative * Math.max(1, Math.abs(x[i])), what + " at " + i);
        }
    }

    @Test
    void theSplitKernelsGiveTheBitsOfOneLane() {
        int rows = 2048;
        for (int cols : new int[] {96, 37, 384}) {
            Mat bias = new Mat(random(cols), 0, 1, cols);
            sameOnTwoLanes("bias " + cols, rows, cols, m -> Kernels.addBias(m, bias));
            sameOnTwoLanes("gelu " + cols, rows, cols, m -> Kernels.gelu(m, m, null), 1e-6);
            FloatBuffer inv = random(rows);
            sameOnTwoLanes("layer norm " + cols, rows, cols, m -> Kernels.layerNorm(m, m, inv));
            Mat y = new Mat(random(rows * cols), 0, rows, cols);
            Mat dy = new Mat(random(rows * cols), 0, rows, cols);
            Kernels.layerNorm(y, y, inv);
            sameOnTwoLanes("layer norm backward " + cols, rows, cols, m -> Kernels.layerNormBackward(y, inv, dy, m, true));
            Mat u = new Mat(random(rows * cols), 0, rows, cols);
            Mat sig = new Mat(random(rows * cols), 0, rows, cols);
            sameOnTwoLanes("gelu backward " + cols, rows, cols, m -> Kernels.geluBackward(u, sig, m));
            Mat x = new Mat(random(rows * cols), 0, rows, cols);
            sameOnTwoLanes("column sums " + cols, 1, cols, m -> Kernels.addColumnSums(x, m));
        }
    }

    /** op(a) op(b) into c on one lane and on two (row blocks, or column blocks for few rows), epilogue once per row. */
    @Test
    void productsSplitOverTheLanesGiveOneLanesValues() {
        // [rows, k] x [k, n] as the dense layers' forward, their input gradient (b transposed) and their weight gradient
        // (a transposed, few rows, many columns: split by columns)
        int[][] shapes = {{2048, 96, 384, 0}, {2048, 384, 96, 2}, {96, 2048, 384, 1}, {130, 96, 96, 0}};
        for (int[] s : shapes) {
            boolean transA = s[3] == 1;
            boolean transB = s[3] == 2;
            int m = s[0];
            int k = s[1];
            int n = s[2];
            Mat a = transA ? new Mat(random(k * m), 0, k, m) : new Mat(random(m * k), 0, m, k);
            Mat b = transB ? new Mat(random(n * k), 0, n, k) : new Mat(random(k * n), 0, k, n);
            FloatBuffer c0 = random(m * n);
            FloatBuffer c1 = copy(c0);
            AtomicIntegerArray hits = new AtomicIntegerArray(m);
            Lanes.set(1);
            Blas.gemm(a, transA, b, transB, Mat.of(c0, m, n), 0.5f, 1f);
            Lanes.set(2);
            Blas.gemm(a, transA, b, transB, Mat.of(c1, m, n), 0.5f, 1f, (from, to) -> {
                for (int i = from; i < to; i++) {
                    hits.incrementAndGet(i);
                }
            });
            float[] x = values(c0);
            float[] y = values(c1);
            for (int i = 0; i < x.length; i++) {
                // not the same bits: OpenBLAS sums a block's edge rows with other micro-kernels, in another order. The
                // rounding of a k-term sum of products of values near +-2 is ~1e-6 * 4k; a block read at a wrong
                // offset or left out is off by the values themselves
                assertEquals(x[i], y[i], 4e-6 * k, "product " + java.util.Arrays.toString(s) + " at " + i);
            }
            for (int i = 0; i < m; i++) {
                assertEquals(1, hits.get(i), "epilogue of row " + i);
            }
        }
    }

    private List<AdamKernel.Part> parts(int... sizes) {
        List<AdamKernel.Part> out = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            FloatBuffer v = random(sizes[i]);
            for (int j = 0; j < sizes[i]; j++) {
                v.put(j, Math.abs(v.get(j)));
            }
            out.add(new AdamKernel.Part(random(sizes[i]), random(sizes[i]), random(sizes[i]), v, i != 1));
        }
        return out;
    }

    private static List<AdamKernel.Part> copy(List<AdamKernel.Part> parts) {
        return parts.stream().map(p -> new AdamKernel.Part(copy(p.w()), copy(p.g()), copy(p.m()), copy(p.v()), p.trainable())).toList();
    }

    @Test
    void adamGivesTheScalarLoopsBitsVectorisedAndSplit() {
        List<AdamKernel.Part> scalar = parts(96, 37, 96 * 384, 1, 5000, 24, 70_001);
        List<AdamKernel.Part> split = copy(scalar);
        for (int step = 0; step < 3; step++) {
            for (AdamKernel.Part p : scalar) {
                if (p.trainable()) {
                    AdamKernel.updateScalar(p, 1e-3f, 0.9f, 0.999f, 1e-8f);
                }
            }
            Lanes.set(2);
            new AdamKernel(split).update(1e-3f, 0.9f, 0.999f, 1e-8f);
        }
        for (int i = 0; i < scalar.size(); i++) {
            assertArrayEquals(values(scalar.get(i).w()), values(split.get(i).w()), "weights of part " + i);
            assertArrayEquals(values(scalar.get(i).m()), values(split.get(i).m()), "first moment of part " + i);
            assertArrayEquals(values(scalar.get(i).v()), values(split.get(i).v()), "second moment of part " + i);
        }
    }

    @Test
    void aNonFiniteGradientAnywhereIsFound() {
        Lanes.set(2);
        List<AdamKernel.Part> parts = parts(96, 37, 96 * 384, 1, 5000);
        AdamKernel adam = new AdamKernel(parts);
        assertTrue(adam.gradientsFinite());
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            for (int part = 0; part < parts.size(); part++) {
                FloatBuffer g = parts.get(part).g();
                int at = g.capacity() - 1;
                float was = g.get(at);
                g.put(at, bad);
                assertFalse(adam.gradientsFinite(), bad + " in part " + part);
                assertFalse(AdamKernel.finiteScalar(g), "scalar check: " + bad + " in part " + part);
                g.put(at, was);
            }
        }
        assertTrue(adam.gradientsFinite());
    }
}
