package org.reflectlab.core.nn.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.ref.WeakReference;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reflectlab.core.nn.Params;

/**
 * A view of an input's memory does not keep the INDArray alive; ND4J frees the memory of an
 * unreachable array, so the fast path holds its inputs until the call ends (a training run crashed
 * in OpenBLAS before it did).
 */
class FastOpsInputTest {

    @Test
    void anInputStaysReachableUntilReleased() throws Exception {
        FastOps ops = new FastOps(new Params(1));
        WeakReference<INDArray> ref = viewOfATemporaryArray(ops);
        for (int i = 0; i < 5 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNotNull(ref.get(), "the array behind a view in use was collected");
        ops.release();
    }

    private static WeakReference<INDArray> viewOfATemporaryArray(FastOps ops) {
        INDArray a = Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {2, 2}, 'c');
        FloatBuffer view = ops.input(a);
        assertEquals(4f, view.get(3));
        assertEquals(DataType.FLOAT, a.dataType());
        return new WeakReference<>(a);
    }
}
