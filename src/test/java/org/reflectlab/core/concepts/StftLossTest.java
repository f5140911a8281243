package org.reflectlab.core.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.SceneAudio;
import org.reflectlab.core.data.ShapesWorld;

class StftLossTest {

    private final float[] clip = SceneAudio.synthesize(new ShapesWorld(DataSpec.defaults(3)).sample(5).scene()).left();

    @Test
    void zeroForIdenticalSignals() {
        StftLoss.Loss l = StftLoss.of(clip.clone(), clip);
        assertEquals(3, l.perResolution().size());
        assertEquals(0.0, l.total(), 1e-12); // the phase term is 1 - cos(0) in floating point
        assertEquals(0.0, l.phase(), 1e-12);
    }

    @Test
    void growsWithNoiseShiftAndPitch() {
        double last = 0;
        for (double sigma : new double[] {0.001, 0.01, 0.05}) {
            double l = StftLoss.of(Perturb.noise(clip, sigma, 1), clip).total();
            assertTrue(l > last, "noise " + sigma + ": " + l + " after " + last);
            last = l;
        }
        double small = StftLoss.of(Perturb.delay(clip, 16), clip).total();
        double large = StftLoss.of(Perturb.delay(clip, 800), clip).total();
        assertTrue(small > 0 && large > small, small + " vs " + large);
        assertTrue(StftLoss.of(Perturb.pitch(clip, 2), clip).magnitude() > StftLoss.of(Perturb.pitch(clip, 0.25), clip).magnitude());
    }

    @Test
    void fftMatchesTheDefinitionOnASmallInput() {
        double[] re = {1, 2, 0, -1, 3, 0.5, 0, 2};
        double[] im = new double[8];
        double[] r0 = re.clone();
        org.reflectlab.core.data.Fft.transform(re, im);
        for (int k = 0; k < 8; k++) {
            double sr = 0;
            double si = 0;
            for (int n = 0; n < 8; n++) {
                sr += r0[n] * Math.cos(-2 * Math.PI * k * n / 8);
                si += r0[n] * Math.sin(-2 * Math.PI * k * n / 8);
            }
            assertEquals(sr, re[k], 1e-9);
            assertEquals(si, im[k], 1e-9);
        }
    }
}
