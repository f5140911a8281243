package org.reflectlab.core.nn.fast;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reflectlab.core.nn.Params;

/** One gradient buffer per parameter of a {@link Params} set, same names and sizes, zeroed per step. */
public final class Grads {

    private final Map<String, FloatBuffer> grads = new LinkedHashMap<>();
    private final Map<String, Mat> rows = new LinkedHashMap<>();

    public Grads(Params params) {
        params.arrays().forEach((name, a) -> {
            ByteBuffer bytes = ByteBuffer.allocateDirect((int) a.length() * Float.BYTES).order(ByteOrder.nativeOrder());
            FloatBuffer f = bytes.asFloatBuffer();
            grads.put(name, f);
            rows.put(name, new Mat(f, 0, 1, (int) a.length(), (int) a.length(), bytes));
        });
    }

    /** A gradient as one row with its bytes view (for the vector kernels). */
    public Mat row(String name) {
        Mat m = rows.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no gradient for '" + name + "'");
        }
        return m;
    }

    public FloatBuffer of(String name) {
        FloatBuffer g = grads.get(name);
        if (g == null) {
            throw new IllegalArgumentException("no gradient for '" + name + "'");
        }
        return g;
    }

    public Map<String, FloatBuffer> all() {
        return Collections.unmodifiableMap(grads);
    }

    private static final float[] ZEROS = new float[8192];

    /** Zeroes every gradient by bulk copies from a zero array rather than one put per float. */
    public void zero() {
        for (FloatBuffer g : grads.values()) {
            FloatBuffer d = g.duplicate().clear();
            while (d.hasRemaining()) {
                d.put(ZEROS, 0, Math.min(ZEROS.length, d.remaining()));
            }
        }
    }
}
