package org.reflectlab.core.nn.fast;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.nn.Params;

/**
 * A transformer block on an inference path gives the same output on the current kernels (tiled products with the
 * bias inside, GELU without its kept sigmoid, attention by {@link HeadsForward}) as on the reference set (OpenBLAS
 * and per-head {@code cblas_sgemm}, the path without the Vector API), for head widths with and without a padded
 * tail (24 = 16 + 8, 32) and segments from 1 to 32 tokens (longer ones keep the per-head products), on one lane and
 * on two.
 */
class InferenceKernelsTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    private final SplittableRandom rnd = new SplittableRandom(3);

    private Mat random(int rows, int cols) {
        ByteBuffer bytes = ByteBuffer.allocateDirect(rows * cols * Float.BYTES).order(ByteOrder.nativeOrder());
        FloatBuffer b = bytes.asFloatBuffer();
        for (int i = 0; i < rows * cols; i++) {
            b.put(i, (float) rnd.nextGaussian());
        }
        return new Mat(b, 0, rows, cols, cols, bytes);
    }

    private static Params block(String name, int d) {
        Params p = new Params(9);
        for (String l : new String[] {"q", "k", "v", "o"}) {
            p.normal(name + "/attn/" + l + "/w", 1.0 / Math.sqrt(d), d, d);
            p.normal(name + "/attn/" + l + "/b", 0.3, d);
        }
        p.normal(name + "/mlp/fc1/w", 1.0 / Math.sqrt(d), d, 4 * d);
        p.normal(name + "/mlp/fc1/b", 0.3, 4 * d);
        p.normal(name + "/mlp/fc2/w", 0.5 / Math.sqrt(d), 4 * d, d);
        p.normal(name + "/mlp/fc2/b", 0.3, d);
        return p;
    }

    private void sameOnBothKernelSets(int d, int heads, int[] lengths) {
        Params p = block("b", d);
        Segments seg = Segments.ofLengths(lengths);
        Mat x0 = random(seg.rows(), d);
        Mat current = random(seg.rows(), d);
        Mat reference = random(seg.rows(), d);
        x0.copyTo(current);
        x0.copyTo(reference);
        new Block(new FastOps(p), "b", d, heads).forward(current, seg);
        KernelSet.with(true, () -> {
            new Block(new FastOps(p), "b", d, heads).forward(reference, seg);
            return null;
        });
        double worst = 0;
        for (int r = 0; r < current.rows(); r++) {
            for (int c = 0; c < d; c++) {
                worst = Math.max(worst, Math.abs(current.get(r, c) - reference.get(r, c)) / Math.max(1, Math.abs(reference.get(r, c))));
            }
        }
        assertTrue(worst < 1e-4, "d " + d + ", " + heads + " heads, segments " + java.util.Arrays.toString(lengths)
                + ": relative difference " + worst);
    }

    @Test
    void aBlockGivesTheReferenceKernelsOutput() {
        assertTrue(HeadsForward.applies(Segments.ofLengths(new int[] {HeadsForward.MAX_TOKENS})),
                "surefire adds jdk.incubator.vector: the current kernels should run here");
        sameOnBothKernelSets(96, 4, new int[] {7});
        sameOnBothKernelSets(96, 4, new int[] {64});
        sameOnBothKernelSets(96, 4, new int[] {1, 24, 17});
        sameOnBothKernelSets(96, 4, new int[] {HeadsForward.MAX_TOKENS, 2});
        sameOnBothKernelSets(128, 4, new int[] {5, 9});
        sameOnBothKernelSets(64, 4, new int[] {16});
    }

    @Test
    void twoLanesGiveOneLanesOutput() {
        Lanes.set(2);
        try {
            sameOnBothKernelSets(96, 4, new int[] {7, 24, 3, 30, 17, 9});
            sameOnBothKernelSets(128, 4, new int[] {128});
        } finally {
            Lanes.set(1);
        }
    }
}
