package org.reflectlab.core.nn.fast;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reflectlab.core.nn.Params;

/**
 * The building blocks of {@link org.reflectlab.core.nn.SdBuilder}, executed directly for inference:
 * each dense layer one {@code cblas_sgemm} into a preallocated buffer, everything else plain Java
 * loops over the same direct memory. Reads the weights in place from the model's {@link Params}
 * under the same names, so training (which updates those arrays in place) is seen at once and
 * nothing is copied. Profiled (JFR, unified model, batch 1): two thirds of a SameDiff forward's
 * 24 ms were per-op bookkeeping (session maps, JavaCPP allocation accounting, shape inference),
 * not arithmetic; this path has none of it.
 *
 * <p>Rows are row-major: a [batch, tokens, width] sequence is [batch * tokens, width].
 * Not thread-safe: one thread owns an instance (and its scratch buffers) at a time.
 */
public final class FastOps {

    private final Params params;
    private final Map<INDArray, FloatBuffer> views = new IdentityHashMap<>();
    private final Map<String, FloatBuffer> scratch = new HashMap<>();
    private AttentionProbe probe;
    /** Where modules accumulate parameter gradients; null on an inference-only path. */
    private Grads grads;
    /** Inputs in use by the current call: a buffer view alone does not keep ND4J from freeing an array's memory. */
    private final java.util.List<INDArray> held = new java.util.ArrayList<>();

    /**
     * Sees every attention block's weights (softmax rows) as they are computed, and may run the
     * blocks under a causal mask instead of the model's own: how the Concepts workspace shows real
     * attention maps without a second copy of the network. Null (the normal path) costs one check.
     */
    public interface AttentionProbe {

        /** Whether every block should also mask keys after the query (j > i), on top of the model's mask. */
        boolean causal();

        /** Weights [t, t] (row = query) of one head of one block for one sequence; the buffer is reused after the call. */
        void weights(String block, int sequence, int head, FloatBuffer probs, int t);
    }

    public FastOps(Params params) {
        this.params = params;
    }

    public Params params() {
        return params;
    }

    /** Makes this a training path: modules accumulate their parameter gradients into {@code g}. */
    public FastOps train(Grads g) {
        this.grads = g;
        return this;
    }

    /** The gradient buffer of a parameter (training paths only). */
    public FloatBuffer grad(String name) {
        if (grads == null) {
            throw new IllegalStateException("no gradients on an inference path: " + name);
        }
        return grads.of(name);
    }

    public AttentionProbe probe() {
        return probe;
    }

    /** An input array as a [rows, cols] Mat, held until {@link #release()}. */
    public Mat inputMat(INDArray a, int rows, int cols) {
        Mat m = Mat.of(input(a), rows, cols);
        if (m.size() > m.buf().capacity()) {
            throw new IllegalArgumentException("input holds " + m.buf().capacity() + " values, not " + rows + " x " + cols);
        }
        return m;
    }

    /** A new INDArray of this shape holding the Mat's values. */
    public static INDArray toArray(Mat m, long... shape) {
        if (!m.contiguous()) {
            throw new IllegalArgumentException("toArray needs a contiguous Mat");
        }
        return toArray(m.buf(), m.off(), shape);
    }

    /** Attaches a probe (null detaches it). */
    public void probe(AttentionProbe p) {
        this.probe = p;
    }

    // Memory //

    /** A reusable direct buffer of at least {@code size} floats (contents undefined). */
    public FloatBuffer scratch(String key, int size) {
        FloatBuffer b = scratch.get(key);
        if (b == null || b.capacity() < size) {
            b = ByteBuffer.allocateDirect(Math.max(size, 1) * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
            scratch.put(key, b);
        }
        return b;
    }

    /**
     * An input array's memory (a c-order float copy if it is not one), kept reachable until
     * {@link #release()}. Measured: without this, a batch whose INDArrays nothing else referenced was
     * freed by ND4J's deallocator while its view was still being read, and OpenBLAS crashed the JVM.
     */
    public FloatBuffer input(INDArray a) {
        INDArray c = contiguous(a);
        held.add(c);
        return view(c);
    }

    /** Lets the inputs of the finished call go (call it in a finally block). */
    public void release() {
        held.clear();
    }

    /** The weight's memory, viewed in place (the view is kept: parameter arrays live as long as the model). */
    public FloatBuffer weight(String name) {
        return views.computeIfAbsent(params.get(name), FastOps::view);
    }

    /** A float INDArray's memory as a buffer starting at its first element (c-order, contiguous). */
    public static FloatBuffer view(INDArray a) {
        if (a.dataType() != DataType.FLOAT || a.ordering() != 'c' || a.elementWiseStride() != 1) {
            throw new IllegalArgumentException("fast path needs contiguous c-order float arrays, got " + a.shapeInfoToString());
        }
        FloatBuffer whole = a.data().asNioFloat();
        return a.offset() == 0 ? whole : whole.position((int) a.offset()).slice();
    }

    /** A new INDArray of this shape holding {@code buffer}'s first elements. */
    public static INDArray toArray(FloatBuffer buffer, int offset, long... shape) {
        INDArray out = Nd4j.create(DataType.FLOAT, shape, 'c');
        FloatBuffer dst = out.data().asNioFloat();
        int n = (int) out.length();
        for (int i = 0; i < n; i++) {
            dst.put(i, buffer.get(offset + i));
        }
        return out;
    }

    /** A c-order float copy if the array is not already one (placeholders built by ND4J usually are). */
    public static INDArray contiguous(INDArray a) {
        return a.dataType() == DataType.FLOAT && a.ordering() == 'c' && a.elementWiseStride() == 1 ? a
                : a.castTo(DataType.FLOAT).dup('c');
    }

    // Layers //

    /** y[rows, out] (=|+=) x[rows, in] W + b, with W = name/w [in, out] and b = name/b. */
    public void dense(String name, FloatBuffer x, int xOff, int rows, int in, int out,
                      FloatBuffer y, int yOff, boolean accumulate) {
        Blas.gemm(rows, out, in, 1f, x, xOff, in, weight(name + "/w"), 0, out, false, accumulate ? 1f : 0f, y, yOff, out);
        addBias(weight(name + "/b"), y, yOff, rows, out);
    }

    private static void addBias(FloatBuffer b, FloatBuffer y, int off, int rows, int n) {
        for (int r = 0; r < rows; r++) {
            int row = off + r * n;
            for (int j = 0; j < n; j++) {
                y.put(row + j, y.get(row + j) + b.get(j));
            }
        }
    }

    /** x[batch, t, d] += table[t, d], the learned positions. */
    public void addTable(String name, FloatBuffer x, int xOff, int batch, int t, int d) {
        FloatBuffer table = weight(name);
        int per = t * d;
        for (int s = 0; s < batch; s++) {
            int base = xOff + s * per;
            for (int i = 0; i < per; i++) {
                x.put(base + i, x.get(base + i) + table.get(i));
            }
        }
    }

    /** Layer norm over each row, without gain or bias (as SdBuilder's), eps 1e-5. */
    public static void layerNorm(FloatBuffer x, int xOff, int rows, int d, FloatBuffer y, int yOff) {
        layerNorm(x, xOff, rows, d, y, yOff, null, 0);
    }

    /** As above; if {@code inv} is given, each row's 1/sigma is kept there (for the backward pass). y may be x. */
    public static void layerNorm(FloatBuffer x, int xOff, int rows, int d, FloatBuffer y, int yOff, FloatBuffer inv, int invOff) {
        for (int r = 0; r < rows; r++) {
            int in = xOff + r * d;
            int out = yOff + r * d;
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += x.get(in + j);
            }
            float mean = (float) (sum / d);
            double sq = 0;
            for (int j = 0; j < d; j++) {
                float c = x.get(in + j) - mean;
                sq += c * c;
            }
            float rInv = (float) (1.0 / Math.sqrt((float) (sq / d) + 1e-5));
            for (int j = 0; j < d; j++) {
                y.put(out + j, (x.get(in + j) - mean) * rInv);
            }
            if (inv != null) {
                inv.put(invOff + r, rInv);
            }
        }
    }

    /** GELU in place, in the sigmoid form libnd4j uses: x * sigmoid(1.702 x). */
    public static void gelu(FloatBuffer x, int off, int n) {
        for (int i = off; i < off + n; i++) {
            float v = x.get(i);
            x.put(i, (float) (v / (1.0 + Math.exp(-1.702 * v))));
        }
    }

    /** The additive attention bias of a [batch, t] mask: 0 for real tokens, -1e4 for padding. */
    public static void keyBias(FloatBuffer mask, int maskOff, int n, FloatBuffer bias) {
        for (int i = 0; i < n; i++) {
            bias.put(i, (1f - mask.get(maskOff + i)) * -1e4f);
        }
    }

    /**
     * The pre-norm transformer block of SdBuilder.block, in place on x [batch * t, d]:
     * x += attention(ln(x)); x += mlp(ln(x)). {@code bias} is [batch * t] or null.
     */
    public void block(String name, FloatBuffer x, int batch, int t, int d, int heads, FloatBuffer bias) {
        block(name, x, Segments.uniform(batch, t), d, heads, bias);
    }

    /** The same block over packed sequences: attention stays within each segment. */
    public void block(String name, FloatBuffer x, Segments seg, int d, int heads, FloatBuffer bias) {
        int rows = seg.rows();
        FloatBuffer h = scratch("ln", rows * d);
        layerNorm(x, 0, rows, d, h, 0);
        FloatBuffer q = scratch("q", rows * d);
        FloatBuffer k = scratch("k", rows * d);
        FloatBuffer v = scratch("v", rows * d);
        dense(name + "/attn/q", h, 0, rows, d, d, q, 0, false);
        dense(name + "/attn/k", h, 0, rows, d, d, k, 0, false);
        dense(name + "/attn/v", h, 0, rows, d, d, v, 0, false);
        FloatBuffer att = scratch("att", rows * d);
        attention(name, q, k, v, seg, d, heads, bias, att);
        dense(name + "/attn/o", att, 0, rows, d, d, x, 0, true);
        layerNorm(x, 0, rows, d, h, 0);
        FloatBuffer u = scratch("mlp", rows * 4 * d);
        dense(name + "/mlp/fc1", h, 0, rows, d, 4 * d, u, 0, false);
        gelu(u, 0, rows * 4 * d);
        dense(name + "/mlp/fc2", u, 0, rows, 4 * d, d, x, 0, true);
    }

    /** softmax(Q K^T / sqrt(dh) + bias) V per segment and head, heads read in place by leading dimension. */
    private void attention(String name, FloatBuffer q, FloatBuffer k, FloatBuffer v, Segments seg, int d, int heads,
                           FloatBuffer bias, FloatBuffer out) {
        int dh = d / heads;
        float scale = (float) (1.0 / Math.sqrt(dh));
        int longest = seg.longest();
        FloatBuffer scores = scratch("scores", longest * longest);
        for (int s = 0; s < seg.count(); s++) {
            int t = seg.length(s);
            if (t == 0) {
                continue;
            }
            for (int head = 0; head < heads; head++) {
                int off = seg.start(s) * d + head * dh;
                Blas.gemm(t, t, dh, scale, q, off, d, k, off, d, true, 0f, scores, 0, t);
                if (probe != null && probe.causal()) {
                    maskFuture(scores, t);
                }
                softmaxRows(scores, t, t, bias, seg.start(s));
                if (probe != null) {
                    probe.weights(name, s, head, scores, t);
                }
                Blas.gemm(t, dh, t, 1f, scores, 0, t, v, off, d, false, 0f, out, off, d);
            }
        }
    }

    /** Sets scores[i, j] for j > i to -1e9, so softmax gives those keys weight exactly 0 (exp underflows). */
    static void maskFuture(FloatBuffer scores, int t) {
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                scores.put(i * t + j, -1e9f);
            }
        }
    }

    /** Row-wise softmax of [rows, n] in place, after adding bias[biasOff + j] to column j. */
    public static void softmaxRows(FloatBuffer x, int rows, int n, FloatBuffer bias, int biasOff) {
        for (int r = 0; r < rows; r++) {
            int row = r * n;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                float val = x.get(row + j) + (bias == null ? 0f : bias.get(biasOff + j));
                x.put(row + j, val);
                max = Math.max(max, val);
            }
            double sum = 0;
            for (int j = 0; j < n; j++) {
                float e = (float) Math.exp(x.get(row + j) - max);
                x.put(row + j, e);
                sum += e;
            }
            float inv = (float) (1.0 / sum);
            for (int j = 0; j < n; j++) {
                x.put(row + j, x.get(row + j) * inv);
            }
        }
    }

    /** Copies rows [start, start + per) of each of {@code batch} samples of {@code from} into {@code to}'s sequences. */
    public static void place(FloatBuffer from, int per, FloatBuffer to, int seq, int start, int batch, int d) {
        for (int s = 0; s < batch; s++) {
            int src = s * per * d;
            int dst = (s * seq + start) * d;
            for (int i = 0; i < per * d; i++) {
                to.put(dst + i, from.get(src + i));
            }
        }
    }
}
