package org.reflectlab.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SceneAudioTest {

    @Test
    void clipIsHalfASecondOfStereoAt16kHz() {
        AudioClip clip = SceneAudio.synthesize(new ShapesWorld(DataSpec.defaults(1)).sample(0).scene());
        assertEquals(16_000, clip.sampleRate());
        assertEquals(8_000, clip.frames());
        assertEquals(0.5, clip.seconds(), 1e-9);
        assertEquals(32_000, clip.toPcm16().length);
        for (float v : clip.left()) {
            assertTrue(Math.abs(v) <= 1f);
        }
    }

    @Test
    void attributesShapeTheSound() {
        Cell topLeft = new Cell(0, 0);
        AudioClip small = clip(SceneObject.plain(Shape.CIRCLE, ShapeColor.RED, Size.SMALL, topLeft));
        AudioClip large = clip(SceneObject.plain(Shape.CIRCLE, ShapeColor.RED, Size.LARGE, topLeft));
        assertTrue(rms(large.left()) > 1.8 * rms(small.left()), "large is louder");
        assertTrue(rms(small.left()) > 3 * rms(small.right()), "left column pans left");

        AudioClip bottom = clip(SceneObject.plain(Shape.CIRCLE, ShapeColor.RED, Size.SMALL, new Cell(2, 0)));
        assertTrue(firstSound(bottom.left()) > firstSound(small.left()) + 0.15 * 16_000, "bottom row starts later");

        AudioClip red = clip(SceneObject.plain(Shape.SQUARE, ShapeColor.RED, Size.LARGE, new Cell(1, 1)));
        AudioClip blue = clip(SceneObject.plain(Shape.SQUARE, ShapeColor.BLUE, Size.LARGE, new Cell(1, 1)));
        assertTrue(zeroCrossings(blue.left()) > 1.5 * zeroCrossings(red.left()), "blue is higher than red");
        assertArrayEquals(red.left(), clip(SceneObject.plain(Shape.SQUARE, ShapeColor.RED, Size.LARGE, new Cell(1, 1))).left());
    }

    @Test
    void waveformFollowsShape() {
        assertEquals(1.0, SceneAudio.wave(Shape.SQUARE, 0.1), 1e-9);
        assertEquals(-1.0, SceneAudio.wave(Shape.SQUARE, 0.7), 1e-9);
        assertEquals(1.0, SceneAudio.wave(Shape.CIRCLE, 0.25), 1e-9);
        assertEquals(1.0, SceneAudio.wave(Shape.TRIANGLE, 0.5), 1e-9);
        assertEquals(-1.0, SceneAudio.wave(Shape.TRIANGLE, 0.0), 1e-9);
    }

    private static AudioClip clip(SceneObject o) {
        return SceneAudio.synthesize(Scene.of(o));
    }

    private static double rms(float[] x) {
        double s = 0;
        for (float v : x) {
            s += v * v;
        }
        return Math.sqrt(s / x.length);
    }

    private static int firstSound(float[] x) {
        for (int i = 0; i < x.length; i++) {
            if (Math.abs(x[i]) > 1e-3) {
                return i;
            }
        }
        return x.length;
    }

    private static int zeroCrossings(float[] x) {
        int n = 0;
        for (int i = 1; i < x.length; i++) {
            if ((x[i - 1] < 0) != (x[i] < 0)) {
                n++;
            }
        }
        return n;
    }
}
