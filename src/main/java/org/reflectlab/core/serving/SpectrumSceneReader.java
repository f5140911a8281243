package org.reflectlab.core.serving;

import org.reflectlab.core.data.Fft;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.reflectlab.core.data.AudioClip;
import org.reflectlab.core.data.Cell;
import org.reflectlab.core.data.Scene;
import org.reflectlab.core.data.SceneAudio;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.Shape;
import org.reflectlab.core.data.ShapeColor;
import org.reflectlab.core.data.Size;

/**
 * Reads a scene back from its clip with no learning: analysis by synthesis on magnitude
 * spectrograms. Every possible plain object (shape x color x size x cell, 432 of them) is
 * synthesized once by {@link SceneAudio} and turned into a left+right spectrogram; a clip is then
 * explained greedily, one object at a time, by the template that most lowers the squared residual
 * (matching pursuit, at most 3 objects, one per cell). Fine detail (detune, sub-cell offsets) is
 * not read: it only blurs the match. Deterministic; thread-safe after construction.
 */
public final class SpectrumSceneReader {

    static final int FRAME = 1024;
    static final int HOP = 512;
    /** Bins kept: up to ~2.5 kHz, which holds every color's first harmonics. */
    static final int BINS = 160;

    private static final SpectrumSceneReader INSTANCE = new SpectrumSceneReader();

    private final List<SceneObject> candidates = new ArrayList<>();
    /** Each template sparse (its spectrogram is near zero away from its harmonics and its quarter second). */
    private final List<int[]> support = new ArrayList<>();
    private final List<float[]> templates = new ArrayList<>();
    private final double[] energy;
    private final float[] window = new float[FRAME];

    private SpectrumSceneReader() {
        for (int i = 0; i < FRAME; i++) {
            window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / FRAME));
        }
        for (Shape shape : Shape.values()) {
            for (ShapeColor color : ShapeColor.values()) {
                for (Size size : Size.values()) {
                    for (Cell cell : Cell.ALL) {
                        SceneObject o = SceneObject.plain(shape, color, size, cell);
                        candidates.add(o);
                        sparse(spectrogram(SceneAudio.synthesize(Scene.of(o))));
                    }
                }
            }
        }
        energy = new double[templates.size()];
        for (int i = 0; i < energy.length; i++) {
            for (float v : templates.get(i)) {
                energy[i] += v * v;
            }
        }
    }

    public static SpectrumSceneReader get() {
        return INSTANCE;
    }

    /** The scene a clip most likely sounds like (plain objects, no fine detail). */
    public Scene read(AudioClip clip) {
        if (clip.sampleRate() != SceneAudio.SAMPLE_RATE) {
            throw new IllegalArgumentException("clips are read at " + SceneAudio.SAMPLE_RATE + " Hz, not " + clip.sampleRate());
        }
        float[] residual = spectrogram(clip);
        List<SceneObject> found = new ArrayList<>();
        Set<Cell> used = new HashSet<>();
        while (found.size() < Scene.MAX_OBJECTS) {
            int best = -1;
            double bestGain = 0;
            for (int c = 0; c < templates.size(); c++) {
                if (used.contains(candidates.get(c).cell())) {
                    continue;
                }
                // ||R||^2 - ||R - T||^2: how much this object would explain
                double gain = 2 * dot(residual, support.get(c), templates.get(c)) - energy[c];
                if (gain > bestGain) {
                    bestGain = gain;
                    best = c;
                }
            }
            if (best < 0) {
                break;
            }
            SceneObject o = candidates.get(best);
            found.add(o);
            used.add(o.cell());
            int[] at = support.get(best);
            float[] t = templates.get(best);
            for (int k = 0; k < at.length; k++) {
                residual[at[k]] = Math.max(0, residual[at[k]] - t[k]);
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("the clip is silent: no object can be heard in it");
        }
        return new Scene(found);
    }

    /** Left then right magnitude spectrogram, frames x bins each, flattened. */
    float[] spectrogram(AudioClip clip) {
        int frames = frames(clip.frames());
        float[] out = new float[2 * frames * BINS];
        channel(clip.left(), frames, out, 0);
        channel(clip.right(), frames, out, frames * BINS);
        return out;
    }

    private static int frames(int samples) {
        return Math.max(1, (samples - FRAME + HOP - 1) / HOP + 1);
    }

    private void channel(float[] x, int frames, float[] out, int at) {
        double[] re = new double[FRAME];
        double[] im = new double[FRAME];
        for (int f = 0; f < frames; f++) {
            int start = f * HOP;
            for (int i = 0; i < FRAME; i++) {
                int s = start + i;
                re[i] = s < x.length ? x[s] * window[i] : 0;
                im[i] = 0;
            }
            Fft.transform(re, im);
            for (int b = 0; b < BINS; b++) {
                out[at + f * BINS + b] = (float) Math.hypot(re[b], im[b]);
            }
        }
    }


    private void sparse(float[] dense) {
        float max = 0;
        for (float v : dense) {
            max = Math.max(max, v);
        }
        int n = 0;
        for (float v : dense) {
            n += v > 1e-3f * max ? 1 : 0;
        }
        int[] at = new int[n];
        float[] val = new float[n];
        for (int i = 0, k = 0; i < dense.length; i++) {
            if (dense[i] > 1e-3f * max) {
                at[k] = i;
                val[k++] = dense[i];
            }
        }
        support.add(at);
        templates.add(val);
    }

    private static double dot(float[] dense, int[] at, float[] val) {
        double s = 0;
        for (int k = 0; k < at.length; k++) {
            s += dense[at[k]] * val[k];
        }
        return s;
    }
}
