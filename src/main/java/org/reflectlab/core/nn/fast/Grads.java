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

    public Grads(Params params) {
        params.arrays().forEach((name, a) -> grads.put(name,
                ByteBuffer.allocateDirect((int) a.length() * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer()));
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

    public void zero() {
        for (FloatBuffer g : grads.values()) {
            for (int i = 0; i < g.capacity(); i++) {
                g.put(i, 0f);
            }
        }
    }
}
