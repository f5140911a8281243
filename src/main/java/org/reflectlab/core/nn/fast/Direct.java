package org.reflectlab.core.nn.fast;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;

/**
 * The same direct memory as a FloatBuffer, seen as a ByteBuffer: what the Vector API (JDK 17) loads
 * from and stores to. Buffers that live long (slots, weights, gradients) keep theirs; this makes one
 * for any other (a few microseconds), and keeps no reference to it.
 */
final class Direct {

    private Direct() {
    }

    /** The buffer's memory from its index 0 as a native-order ByteBuffer of capacity * 4 bytes. */
    static ByteBuffer bytes(FloatBuffer buffer) {
        FloatPointer at = new FloatPointer(buffer.duplicate().position(0));
        return new BytePointer(at).capacity((long) buffer.capacity() * Float.BYTES).asByteBuffer().order(ByteOrder.nativeOrder());
    }
}
