package org.reflectlab.core.nn.fast;

import java.nio.FloatBuffer;
import java.util.IdentityHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reflectlab.core.nn.Params;

/**
 * What the fast path's modules ({@link Dense}, {@link Block}, ...) share for one network instance:
 * the weights, viewed in place in the model's {@link Params} under SdBuilder's names (so training,
 * which updates those arrays in place, is seen at once and nothing is copied), the gradients when
 * it trains, the inputs held for the call in progress, and an attention probe. Profiled (JFR,
 * unified model, batch 1): two thirds of a SameDiff forward's 24 ms were per-op bookkeeping
 * (session maps, JavaCPP allocation accounting, shape inference), not arithmetic; this path has none.
 *
 * <p>Rows are row-major: a [batch, tokens, width] sequence is [batch * tokens, width].
 * Not thread-safe: one thread owns an instance at a time.
 */
public final class FastOps {

    private final Params params;
    private final Map<INDArray, FloatBuffer> views = new IdentityHashMap<>();
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

    /** Whether this path trains (its modules keep what a backward pass needs), not only infers. */
    public boolean training() {
        return grads != null;
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

    private final Map<INDArray, Mat> rowViews = new IdentityHashMap<>();

    /** A weight (or, on a training path, its gradient) as one row, with its bytes view kept: biases for the vector kernels. */
    public Mat row(String name, boolean gradient) {
        if (gradient) {
            return grads.row(name);
        }
        return rowViews.computeIfAbsent(params.get(name), a -> {
            FloatBuffer f = view(a);
            return new Mat(f, 0, 1, (int) a.length(), (int) a.length(), Direct.bytes(f));
        });
    }

    private final Map<INDArray, Mat> matViews = new IdentityHashMap<>();

    /**
     * A weight as a [rows, cols] Mat with its bytes view kept: the vector kernels read it through that view, which
     * costs several JNI calls to make (a few microseconds, per product when it was made per call).
     */
    public Mat weightMat(String name, int rows, int cols) {
        Mat m = matViews.computeIfAbsent(params.get(name), a -> {
            FloatBuffer f = weight(name);
            return new Mat(f, 0, rows, cols, cols, Direct.bytes(f));
        });
        if (m.rows() != rows || m.cols() != cols) {
            throw new IllegalArgumentException(name + " is " + m + ", not [" + rows + ", " + cols + "]");
        }
        return m;
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
}
