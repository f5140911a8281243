package org.reflectlab.core.nn.unified;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reflectlab.core.data.SceneRenderer;

/**
 * Which image numbers belong to the foreground: a pixel is foreground when any of its channels differs
 * from ShapesWorld's background by more than {@link #THRESHOLD} (objects and their antialiased edges).
 * The image losses weigh its three numbers 1 + λ ({@link UnifiedConfig#foregroundWeight()}).
 */
final class ForegroundWeights {

    static final double THRESHOLD = 0.02;

    private ForegroundWeights() {
    }

    /** The background colour laid out as one patch's numbers, channel-major: [3 * pixelsPerPatch]. */
    static INDArray background(int pixelsPerPatch) {
        float[] bg = new float[3 * pixelsPerPatch];
        for (int c = 0; c < 3; c++) {
            java.util.Arrays.fill(bg, c * pixelsPerPatch, (c + 1) * pixelsPerPatch, SceneRenderer.BACKGROUND[c]);
        }
        return Nd4j.create(bg);
    }

    /** Whether pixel j of a patch (channel-major numbers from offset) is foreground. */
    static boolean foreground(java.nio.FloatBuffer patch, int offset, int pixelsPerPatch, int j) {
        for (int c = 0; c < 3; c++) {
            if (Math.abs(patch.get(offset + c * pixelsPerPatch + j) - SceneRenderer.BACKGROUND[c]) > THRESHOLD) {
                return true;
            }
        }
        return false;
    }
}
