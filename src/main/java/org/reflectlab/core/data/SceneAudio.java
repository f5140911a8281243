package org.reflectlab.core.data;

/**
 * The sound of a scene: one tone per object. Waveform by shape (circle sine, square square,
 * triangle triangle, diamond sawtooth), pitch by color, loudness by size, onset by row (top
 * first) and stereo position by column. Fine detail is audible too: hue jitter detunes a little,
 * the sub-cell offset nudges onset and pan.
 */
public final class SceneAudio {

    public static final int SAMPLE_RATE = 16_000;
    public static final double CLIP_SECONDS = 0.5;
    public static final double TONE_SECONDS = 0.25;
    /** Onset step between grid rows, seconds. */
    public static final double ROW_DELAY = 0.1;

    private static final double ATTACK = 0.01;
    private static final double RELEASE = 0.06;

    private SceneAudio() {
    }

    /** Fundamental frequency of a color (a C major-ish ladder, C4 to C5). */
    public static double frequency(ShapeColor color) {
        return switch (color) {
            case RED -> 261.63;
            case ORANGE -> 293.66;
            case YELLOW -> 329.63;
            case GREEN -> 392.00;
            case BLUE -> 440.00;
            case PURPLE -> 523.25;
        };
    }

    public static double amplitude(Size size) {
        return size == Size.LARGE ? 0.30 : 0.15;
    }

    /** Pan in [-1,1]: left column left, right column right. */
    public static double pan(SceneObject o) {
        return Math.max(-1, Math.min(1, (o.cell().col() - 1) * 0.8 + o.dx() * 0.4));
    }

    public static double onset(SceneObject o) {
        return Math.max(0, o.cell().row() * ROW_DELAY + o.dy() * 0.04);
    }

    public static AudioClip synthesize(Scene scene) {
        int frames = (int) Math.round(CLIP_SECONDS * SAMPLE_RATE);
        float[] left = new float[frames];
        float[] right = new float[frames];
        for (SceneObject o : scene.objects()) {
            // Up to a quarter semitone of detune for the largest hue jitter.
            double f = frequency(o.color()) * Math.pow(2, o.hueJitter() / SceneSampler.MAX_HUE_JITTER * 0.25 / 12);
            double amp = amplitude(o.size());
            double angle = (pan(o) + 1) * Math.PI / 4;
            double gl = Math.cos(angle);
            double gr = Math.sin(angle);
            int start = (int) Math.round(onset(o) * SAMPLE_RATE);
            int length = (int) Math.round(TONE_SECONDS * SAMPLE_RATE);
            for (int i = 0; i < length && start + i < frames; i++) {
                double t = i / (double) SAMPLE_RATE;
                double phase = (f * t) % 1.0;
                double v = amp * envelope(t) * wave(o.shape(), phase);
                left[start + i] += (float) (v * gl);
                right[start + i] += (float) (v * gr);
            }
        }
        return new AudioClip(SAMPLE_RATE, left, right);
    }

    static double wave(Shape shape, double phase) {
        return switch (shape) {
            case CIRCLE -> Math.sin(2 * Math.PI * phase);
            case SQUARE -> phase < 0.5 ? 1 : -1;
            case TRIANGLE -> 1 - 4 * Math.abs(phase - 0.5);
            case DIAMOND -> 2 * phase - 1;
        };
    }

    private static double envelope(double t) {
        if (t < ATTACK) {
            return t / ATTACK;
        }
        double untilEnd = TONE_SECONDS - t;
        return untilEnd < RELEASE ? Math.max(0, untilEnd / RELEASE) : 1;
    }
}
