package org.reflectlab.core.nn.fast;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A reusable direct buffer owned by one module for one purpose (its output, or what its backward
 * pass needs). It grows when a larger batch comes and is never shared: two callers can no longer
 * meet on one string key and depend on call order to stay correct. It grows to at least twice its
 * size: a serving worker's batches grow one request at a time, and growing to each new size exactly
 * left ~1,200 outgrown direct buffers per 10,000 requests waiting for a full GC to be freed (native
 * memory that `bench soak` saw as RSS growth).
 */
public final class Slot {

    private FloatBuffer buf;
    private ByteBuffer bytes;

    /** A [rows, cols] Mat over this slot's memory (contents undefined). */
    public Mat mat(int rows, int cols) {
        int size = Math.max(rows * cols, 1);
        if (buf == null || buf.capacity() < size) {
            int capacity = buf == null ? size : (int) Math.min(Integer.MAX_VALUE / Float.BYTES, Math.max(size, 2L * buf.capacity()));
            bytes = ByteBuffer.allocateDirect(capacity * Float.BYTES).order(ByteOrder.nativeOrder());
            buf = bytes.asFloatBuffer();
            SlotCensus.allocated(bytes);
        }
        return new Mat(buf, 0, rows, cols, cols, bytes);
    }
}
