package org.reflectlab.core.nn.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.nn.Params;

/**
 * Every fast-path module on its own: the backward pass against central finite differences of
 * L = sum(output * R) for a random R, for the input and for every parameter.
 */
class ModulesTest {

    private static final float EPS = 1e-2f;

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    private final SplittableRandom rnd = new SplittableRandom(7);
    private final Params params = new Params(3);

    private Mat random(int rows, int cols) {
        FloatBuffer b = ByteBuffer.allocateDirect(rows * cols * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        for (int i = 0; i < rows * cols; i++) {
            b.put(i, (float) rnd.nextGaussian());
        }
        return Mat.of(b, rows, cols);
    }

    private Mat zeros(int rows, int cols) {
        Mat m = random(rows, cols);
        m.fill(0f);
        return m;
    }

    private static double dot(Mat a, Mat r) {
        double s = 0;
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                s += (double) a.get(i, j) * r.get(i, j);
            }
        }
        return s;
    }

    /** The loss as a function of whatever the test perturbs. */
    private interface Loss {
        double value();
    }

    /** Checks the analytic gradient in {@code grad} of the values in {@code at} (perturbed in place). */
    private static void check(String what, FloatBuffer at, int n, FloatBuffer grad, Loss loss) {
        double worst = 0;
        double scale = 1e-3;
        for (int i = 0; i < n; i++) {
            float keep = at.get(i);
            at.put(i, keep + EPS);
            double up = loss.value();
            at.put(i, keep - EPS);
            double down = loss.value();
            at.put(i, keep);
            double numeric = (up - down) / (2 * EPS);
            scale = Math.max(scale, Math.abs(numeric));
            worst = Math.max(worst, Math.abs(numeric - grad.get(i)));
        }
        // an absolute floor too: some gradients are zero in exact arithmetic (a key bias under softmax)
        assertTrue(worst <= 2e-2 * scale + 1e-4, what + ": max difference " + worst + " at scale " + scale);
    }

    private static void check(String what, Mat at, Mat grad, Loss loss) {
        check(what, at.buf(), at.size(), grad.buf(), loss);
    }

    private void checkParams(FastOps ops, String prefix, Loss loss) {
        params.arrays().forEach((name, a) -> {
            if (name.startsWith(prefix)) {
                check(name, FastOps.view(a), (int) a.length(), ops.grad(name), loss);
            }
        });
    }

    private FastOps training() {
        return new FastOps(params).train(new Grads(params));
    }

    private void dense(String name, int in, int out) {
        params.normal(name + "/w", 1.0 / Math.sqrt(in), in, out);
        INDArray b = params.normal(name + "/b", 0.3, out);
        assertEquals(out, b.length());
    }

    @Test
    void denseLayer() {
        dense("d", 4, 5);
        FastOps ops = training();
        Dense layer = new Dense(ops, "d", 4, 5);
        Mat x = random(3, 4);
        Mat r = random(3, 5);
        Loss loss = () -> dot(layer.forward(x), r);
        layer.forward(x);
        Mat dx = zeros(3, 4);
        layer.backward(r, dx, false);
        check("dense dx", x, dx, loss);
        checkParams(ops, "d/", loss);
    }

    @Test
    void layerNormAndGelu() {
        LayerNorm ln = new LayerNorm();
        Gelu gelu = new Gelu();
        Mat x = random(4, 6);
        Mat r = random(4, 6);
        Loss loss = () -> dot(gelu.forward(ln.forward(x)), r);
        loss.value();
        Mat dg = zeros(4, 6);
        r.copyTo(dg);
        gelu.backward(dg);
        Mat dx = zeros(4, 6);
        ln.backward(dg, dx, false);
        check("layer norm + gelu dx", x, dx, loss);
    }

    @Test
    void attentionOverSegmentsOfDifferentLengths() {
        for (String p : new String[] {"q", "k", "v", "o"}) {
            dense("blk/attn/" + p, 8, 8);
        }
        FastOps ops = training();
        Attention att = new Attention(ops, "blk", 8, 2);
        Segments seg = Segments.ofLengths(new int[] {2, 3});
        Mat h = random(5, 8);
        Mat r = random(5, 8);
        Mat out = zeros(5, 8);
        Loss loss = () -> {
            out.fill(0f);
            att.forward(h, seg, out);
            return dot(out, r);
        };
        loss.value();
        Mat dh = zeros(5, 8);
        att.backward(r, dh);
        check("attention dh", h, dh, loss);
        checkParams(ops, "blk/attn/", loss);
    }

    @Test
    void transformerBlockInPlace() {
        for (String p : new String[] {"q", "k", "v", "o"}) {
            dense("b0/attn/" + p, 8, 8);
        }
        dense("b0/mlp/fc1", 8, 32);
        dense("b0/mlp/fc2", 32, 8);
        FastOps ops = training();
        Block block = new Block(ops, "b0", 8, 2);
        Segments seg = Segments.uniform(2, 3);
        Mat x0 = random(6, 8);
        Mat x = zeros(6, 8);
        Mat r = random(6, 8);
        Loss loss = () -> {
            x0.copyTo(x);
            block.forward(x, seg);
            return dot(x, r);
        };
        loss.value();
        Mat dx = zeros(6, 8);
        r.copyTo(dx);
        block.backward(dx);
        check("block dx", x0, dx, loss);
        checkParams(ops, "b0/", loss);
    }

    @Test
    void causalSoftmaxGivesFutureKeysNoWeight() {
        Mat s = random(4, 4);
        Kernels.softmaxRows(s, true);
        for (int i = 0; i < 4; i++) {
            double sum = 0;
            for (int j = 0; j < 4; j++) {
                sum += s.get(i, j);
                if (j > i) {
                    assertEquals(0f, s.get(i, j));
                }
            }
            assertEquals(1.0, sum, 1e-5);
        }
    }

    @Test
    void packingKeepsMaskedRowsOutAndPutsThemBackAsZeros() {
        Mat mask = zeros(2, 3);
        mask.set(0, 0, 1f);
        mask.set(0, 2, 1f);
        mask.set(1, 1, 1f);
        Mat full = random(6, 4);
        Packing p = new Packing();
        Segments seg = p.plan(mask);
        assertEquals(3, seg.rows());
        assertEquals(2, seg.length(0));
        Mat packed = p.pack(full);
        assertEquals(full.get(2, 3), packed.get(1, 3));
        Mat back = random(6, 4);
        p.unpack(packed, back);
        assertEquals(full.get(4, 1), back.get(4, 1));
        assertEquals(0f, back.get(1, 0));
    }

    @Test
    void gemmRefusesShapesThatDoNotFit() {
        Mat a = random(2, 3);
        Mat b = random(4, 5);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Blas.gemm(a, false, b, false, zeros(2, 5), 1f, 0f));
    }

}
