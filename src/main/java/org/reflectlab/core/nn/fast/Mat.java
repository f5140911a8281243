package org.reflectlab.core.nn.fast;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * A row-major [rows, cols] window on a direct float buffer: {@code ld} floats from one row's start
 * to the next. A [batch, tokens, width] sequence is a [batch * tokens, width] Mat; one attention
 * head of it is a column window ({@link #cols(int, int)}) read in place by its leading dimension.
 * A Mat owns nothing: the buffer belongs to a module's {@link Slot}, a weight or a held input.
 */
public record Mat(FloatBuffer buf, int off, int rows, int cols, int ld, ByteBuffer bytes) {

    public Mat(FloatBuffer buf, int off, int rows, int cols) {
        this(buf, off, rows, cols, cols, null);
    }

    public Mat(FloatBuffer buf, int off, int rows, int cols, int ld) {
        this(buf, off, rows, cols, ld, null);
    }

    /** The memory as a native-order ByteBuffer from the buffer's index 0 (what the Vector API reads), kept where known. */
    public ByteBuffer direct() {
        return bytes != null ? bytes : Direct.bytes(buf);
    }

    /** The whole buffer from its start as [rows, cols]. */
    public static Mat of(FloatBuffer buf, int rows, int cols) {
        return new Mat(buf, 0, rows, cols);
    }

    public int size() {
        return rows * cols;
    }

    public boolean contiguous() {
        return ld == cols;
    }

    /** Rows [from, from + count). */
    public Mat rows(int from, int count) {
        return new Mat(buf, off + from * ld, count, cols, ld, bytes);
    }

    /** Columns [from, from + count) of every row (same leading dimension). */
    public Mat cols(int from, int count) {
        return new Mat(buf, off + from, rows, count, ld, bytes);
    }

    /** The same contiguous floats seen as [rows, cols] of another shape. */
    public Mat as(int newRows, int newCols) {
        if (!contiguous() || newRows * newCols != size()) {
            throw new IllegalArgumentException("cannot view " + this + " as [" + newRows + ", " + newCols + "]");
        }
        return new Mat(buf, off, newRows, newCols, newCols, bytes);
    }

    public float get(int r, int c) {
        return buf.get(off + r * ld + c);
    }

    public void set(int r, int c, float v) {
        buf.put(off + r * ld + c, v);
    }

    /** Copies this Mat's values into {@code to} (same shape). */
    public void copyTo(Mat to) {
        long t0 = KernelTimer.start();
        // bulk copies (memcpy) row by row, or at once when both are contiguous
        if (ld == cols && to.ld == cols) {
            to.buf.put(to.off, buf, off, rows * cols);
        } else {
            for (int r = 0; r < rows; r++) {
                to.buf.put(to.off + r * to.ld, buf, off + r * ld, cols);
            }
        }
        KernelTimer.stop(KernelTimer.Kind.COPY_AND_PACK, t0);
    }

    public void fill(float v) {
        for (int r = 0; r < rows; r++) {
            int at = off + r * ld;
            for (int c = 0; c < cols; c++) {
                buf.put(at + c, v);
            }
        }
    }

    /** The values, row by row (for tests and for handing results out). */
    public float[] toArray() {
        float[] out = new float[size()];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = get(r, c);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "Mat[" + rows + " x " + cols + (contiguous() ? "" : ", ld " + ld) + "]";
    }
}
