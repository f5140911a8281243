package org.reflectlab.core.nn.fast;

import java.nio.FloatBuffer;

/**
 * The element-wise kernels of the fast path, forward and backward, on {@link Mat}s: bias, layer
 * norm, GELU, softmax. One place for each, so each can be tested on its own (against finite
 * differences) and made faster once for every network: where the Vector API is available
 * ({@link #VECTOR}), the hot ones run vectorised ({@link VectorKernels}); the scalar loops here
 * ({@code ...Scalar}) are the fallback and the reference the vectorised ones are tested against.
 */
public final class Kernels {

    /**
     * Whether the Vector API kernels run: the jdk.incubator.vector module is present (the launchers add it)
     * and {@code -Dreflectlab.vector=false} does not turn it off. Otherwise the scalar loops below run.
     */
    public static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"false".equalsIgnoreCase(System.getProperty("reflectlab.vector"));

    private Kernels() {
    }

    /**
     * Values a lane gets at least before a kernel splits over {@link Lanes}: handing a chunk to another thread
     * costs more than a vectorised kernel spends on a few thousand floats.
     */
    static final int SPLIT_VALUES = 1 << 15;

    /** Rows (or columns) of this width per lane at least. */
    private static int grain(int width) {
        return Math.max(1, SPLIT_VALUES / Math.max(1, width));
    }

    /** The buffer from index {@code at} on (per-row values of a split's rows). */
    private static FloatBuffer from(FloatBuffer b, int at) {
        return at == 0 ? b : b.duplicate().position(at).slice();
    }

    /** y[r, :] += b (a one-row Mat) for every row. */
    public static void addBias(Mat y, Mat b) {
        long t0 = KernelTimer.start();
        Lanes.split(y.rows(), grain(y.cols()), 1, (lane, from, to) -> {
            Mat part = y.rows(from, to - from);
            if (VECTOR) {
                VectorKernels.addBias(part, b);
            } else {
                addBiasScalar(part, b.buf());
            }
        });
        KernelTimer.stop(KernelTimer.Kind.BIAS, t0);
    }

    static void addBiasScalar(Mat y, FloatBuffer b) {
        for (int r = 0; r < y.rows(); r++) {
            int row = y.off() + r * y.ld();
            for (int j = 0; j < y.cols(); j++) {
                y.buf().put(row + j, y.buf().get(row + j) + b.get(j));
            }
        }
    }

    /** into[j] (a one-row Mat) += sum over rows of x[r, j]. */
    public static void addColumnSums(Mat x, Mat into) {
        long t0 = KernelTimer.start();
        // split by columns, not rows: each sum keeps its order, so the split changes no bit
        Lanes.split(x.cols(), Math.max(16, grain(x.rows())), 16, (lane, from, to) -> {
            Mat part = x.cols(from, to - from);
            Mat sums = into.cols(from, to - from);
            if (VECTOR) {
                VectorKernels.addColumnSums(part, sums);
            } else {
                addColumnSumsScalar(part, sums);
            }
        });
        KernelTimer.stop(KernelTimer.Kind.BIAS, t0);
    }

    static void addColumnSumsScalar(Mat x, Mat into) {
        for (int r = 0; r < x.rows(); r++) {
            int row = x.off() + r * x.ld();
            for (int j = 0; j < x.cols(); j++) {
                into.buf().put(into.off() + j, into.buf().get(into.off() + j) + x.buf().get(row + j));
            }
        }
    }

    /** x[r, :] += table[r mod t, :]: learned positions of [batch * t, d] rows from a [t, d] table. */
    public static void addTable(Mat x, FloatBuffer table, int t) {
        long t0 = KernelTimer.start();
        addTableScalar(x, table, t);
        KernelTimer.stop(KernelTimer.Kind.POSITIONS, t0);
    }

    /** x[r, :] += table[r mod t, :] with t = table's rows, on the Vector API (the same sums as the loop below). */
    static void addTable(Mat x, Mat table) {
        long t0 = KernelTimer.start();
        for (int r = 0; r < x.rows(); r++) {
            VectorKernels.addBias(x.rows(r, 1), table.rows(r % table.rows(), 1));
        }
        KernelTimer.stop(KernelTimer.Kind.POSITIONS, t0);
    }

    static void addTableScalar(Mat x, FloatBuffer table, int t) {
        int d = x.cols();
        for (int r = 0; r < x.rows(); r++) {
            int row = x.off() + r * x.ld();
            int trow = (r % t) * d;
            for (int j = 0; j < d; j++) {
                x.buf().put(row + j, x.buf().get(row + j) + table.get(trow + j));
            }
        }
    }

    /** Backward of {@link #addTable}: grad[r mod t, :] += dx[r, :]. */
    public static void addTableBackward(Mat dx, FloatBuffer grad, int t) {
        long t0 = KernelTimer.start();
        addTableBackwardScalar(dx, grad, t);
        KernelTimer.stop(KernelTimer.Kind.POSITIONS, t0);
    }

    static void addTableBackwardScalar(Mat dx, FloatBuffer grad, int t) {
        int d = dx.cols();
        for (int r = 0; r < dx.rows(); r++) {
            int row = dx.off() + r * dx.ld();
            int trow = (r % t) * d;
            for (int j = 0; j < d; j++) {
                grad.put(trow + j, grad.get(trow + j) + dx.buf().get(row + j));
            }
        }
    }

    /**
     * Layer norm of each row without gain or bias (as SdBuilder's), eps 1e-5; 1/sigma per row kept in
     * {@code inv} when it is not null. y may be x.
     */
    public static void layerNorm(Mat x, Mat y, FloatBuffer inv) {
        long t0 = KernelTimer.start();
        Lanes.split(x.rows(), grain(x.cols()), 1, (lane, from, to) -> {
            FloatBuffer invPart = inv == null ? null : from(inv, from);
            if (VECTOR) {
                VectorKernels.layerNorm(x.rows(from, to - from), y.rows(from, to - from), invPart);
            } else {
                layerNormScalar(x.rows(from, to - from), y.rows(from, to - from), invPart);
            }
        });
        KernelTimer.stop(KernelTimer.Kind.LAYER_NORM, t0);
    }

    static void layerNormScalar(Mat x, Mat y, FloatBuffer inv) {
        int d = x.cols();
        for (int r = 0; r < x.rows(); r++) {
            int in = x.off() + r * x.ld();
            int out = y.off() + r * y.ld();
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += x.buf().get(in + j);
            }
            float mean = (float) (sum / d);
            double sq = 0;
            for (int j = 0; j < d; j++) {
                float c = x.buf().get(in + j) - mean;
                sq += c * c;
            }
            float rInv = (float) (1.0 / Math.sqrt((float) (sq / d) + 1e-5));
            for (int j = 0; j < d; j++) {
                y.buf().put(out + j, (x.buf().get(in + j) - mean) * rInv);
            }
            if (inv != null) {
                inv.put(r, rInv);
            }
        }
    }

    /** Backward of layer norm from its output y and 1/sigma: dx (=|+=) inv * (dy - mean(dy) - y * mean(dy * y)). */
    public static void layerNormBackward(Mat y, FloatBuffer inv, Mat dy, Mat dx, boolean accumulate) {
        long t0 = KernelTimer.start();
        Lanes.split(y.rows(), grain(y.cols()), 1, (lane, from, to) -> {
            int n = to - from;
            if (VECTOR) {
                VectorKernels.layerNormBackward(y.rows(from, n), from(inv, from), dy.rows(from, n), dx.rows(from, n), accumulate);
            } else {
                layerNormBackwardScalar(y.rows(from, n), from(inv, from), dy.rows(from, n), dx.rows(from, n), accumulate);
            }
        });
        KernelTimer.stop(KernelTimer.Kind.LAYER_NORM, t0);
    }

    static void layerNormBackwardScalar(Mat y, FloatBuffer inv, Mat dy, Mat dx, boolean accumulate) {
        int d = y.cols();
        for (int r = 0; r < y.rows(); r++) {
            int yr = y.off() + r * y.ld();
            int gr = dy.off() + r * dy.ld();
            int xr = dx.off() + r * dx.ld();
            double sumG = 0;
            double sumGy = 0;
            for (int j = 0; j < d; j++) {
                float g = dy.buf().get(gr + j);
                sumG += g;
                sumGy += g * y.buf().get(yr + j);
            }
            float meanG = (float) (sumG / d);
            float meanGy = (float) (sumGy / d);
            float ri = inv.get(r);
            for (int j = 0; j < d; j++) {
                float v = ri * (dy.buf().get(gr + j) - meanG - y.buf().get(yr + j) * meanGy);
                dx.buf().put(xr + j, accumulate ? dx.buf().get(xr + j) + v : v);
            }
        }
    }

    /**
     * g = gelu(u) = u * sigmoid(1.702 u), the form libnd4j uses; the sigmoid is kept in {@code sig}
     * (when not null) so the backward pass needs no exponential. g may be u. Contiguous Mats.
     */
    public static void gelu(Mat u, Mat g, Mat sig) {
        long t0 = KernelTimer.start();
        Lanes.split(u.rows(), grain(u.cols()), 1, (lane, from, to) -> {
            int n = to - from;
            Mat s = sig == null ? null : sig.rows(from, n);
            if (VECTOR) {
                VectorKernels.gelu(u.rows(from, n), g.rows(from, n), s);
            } else {
                geluScalar(u.rows(from, n), g.rows(from, n), s);
            }
        });
        KernelTimer.stop(KernelTimer.Kind.GELU, t0);
    }

    static void geluScalar(Mat u, Mat g, Mat sig) {
        FloatBuffer ub = u.buf();
        FloatBuffer gb = g.buf();
        int n = u.size();
        for (int i = 0; i < n; i++) {
            float v = ub.get(u.off() + i);
            double s = 1.0 / (1.0 + Math.exp(-1.702 * v));
            if (sig != null) {
                sig.buf().put(sig.off() + i, (float) s);
            }
            gb.put(g.off() + i, (float) (v * s));
        }
    }

    /**
     * u[r, :] += b, then g = gelu(u) with the sigmoid kept in sig: a dense layer's bias and GELU in one pass (the
     * same operations, in the same order, as {@link #addBias} then {@link #gelu}). Contiguous Mats, split over the
     * lanes by rows unless it runs inside a product's split already.
     */
    public static void biasGelu(Mat u, Mat b, Mat g, Mat sig) {
        long t0 = KernelTimer.start();
        Lanes.split(u.rows(), grain(u.cols()), 1, (lane, from, to) -> {
            int n = to - from;
            if (VECTOR) {
                VectorKernels.biasGelu(u.rows(from, n), b, g.rows(from, n), sig.rows(from, n));
            } else {
                addBiasScalar(u.rows(from, n), b.buf());
                geluScalar(u.rows(from, n), g.rows(from, n), sig.rows(from, n));
            }
        });
        KernelTimer.stop(KernelTimer.Kind.GELU, t0);
    }

    /** Backward of {@link #gelu} in place on the incoming gradient. */
    public static void geluBackward(Mat u, Mat sig, Mat grad) {
        long t0 = KernelTimer.start();
        Lanes.split(u.rows(), grain(u.cols()), 1, (lane, from, to) -> {
            int n = to - from;
            if (VECTOR) {
                VectorKernels.geluBackward(u.rows(from, n), sig.rows(from, n), grad.rows(from, n));
            } else {
                geluBackwardScalar(u.rows(from, n), sig.rows(from, n), grad.rows(from, n));
            }
        });
        KernelTimer.stop(KernelTimer.Kind.GELU, t0);
    }

    static void geluBackwardScalar(Mat u, Mat sig, Mat grad) {
        int n = u.size();
        for (int i = 0; i < n; i++) {
            float s = sig.buf().get(sig.off() + i);
            float v = u.buf().get(u.off() + i);
            int at = grad.off() + i;
            grad.buf().put(at, grad.buf().get(at) * (s + 1.702f * v * s * (1 - s)));
        }
    }

    /** Row-wise softmax in place (contiguous rows); keys after the query masked out when {@code causal}. */
    public static void softmaxRows(Mat x, boolean causal) {
        long t0 = KernelTimer.start();
        if (VECTOR) {
            VectorKernels.softmaxRows(x, causal);
        } else {
            softmaxRowsScalar(x, causal);
        }
        KernelTimer.stop(KernelTimer.Kind.SOFTMAX, t0);
    }

    static void softmaxRowsScalar(Mat x, boolean causal) {
        int n = x.cols();
        FloatBuffer b = x.buf();
        for (int r = 0; r < x.rows(); r++) {
            int row = x.off() + r * x.ld();
            int end = causal ? Math.min(r + 1, n) : n;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < end; j++) {
                max = Math.max(max, b.get(row + j));
            }
            double sum = 0;
            for (int j = 0; j < end; j++) {
                float e = (float) Math.exp(b.get(row + j) - max);
                b.put(row + j, e);
                sum += e;
            }
            float inv = (float) (1.0 / sum);
            for (int j = 0; j < end; j++) {
                b.put(row + j, b.get(row + j) * inv);
            }
            for (int j = end; j < n; j++) {
                b.put(row + j, 0f);
            }
        }
    }

    /** Backward of a row softmax with output p: in place on dp, dscore = p * (dp - sum(dp * p)). */
    public static void softmaxRowsBackward(Mat p, Mat dp) {
        long t0 = KernelTimer.start();
        softmaxRowsBackwardScalar(p, dp);
        KernelTimer.stop(KernelTimer.Kind.SOFTMAX, t0);
    }

    static void softmaxRowsBackwardScalar(Mat p, Mat dp) {
        for (int r = 0; r < p.rows(); r++) {
            int pr = p.off() + r * p.ld();
            int gr = dp.off() + r * dp.ld();
            double dot = 0;
            for (int j = 0; j < p.cols(); j++) {
                dot += dp.buf().get(gr + j) * p.buf().get(pr + j);
            }
            for (int j = 0; j < p.cols(); j++) {
                dp.buf().put(gr + j, p.buf().get(pr + j) * (dp.buf().get(gr + j) - (float) dot));
            }
        }
    }
}
