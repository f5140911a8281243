package org.reflectlab.core.serving;

import java.util.List;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.Sample;
import org.reflectlab.core.data.SceneAudio;
import org.reflectlab.core.data.ShapesWorld;

/**
 * The inputs a client can name without sending data: ShapesWorld scene N (seeded) as a caption, a
 * rendered image or a synthesized clip. Benchmarks cycle through them; clients name one by number.
 * The caption is the scene's description (every object's size, colour, shape and place), the text the
 * unified model learned from: a short prompt such as "two triangles" leaves most of the scene open, and
 * the unified model's one deterministic decode of it is an average picture (serving.md measures both).
 */
public final class SceneInputs {

    /** The scenes a client can name: 0 to SCENES - 1. */
    public static final int SCENES = 64;

    private final ShapesWorld world;
    private final List<Sample> samples;
    /** scene() answers, made once: a clip's synthesis is milliseconds of CPU that an HTTP client naming a scene would pay every time. */
    private final java.util.concurrent.atomic.AtomicReferenceArray<Payload> named =
            new java.util.concurrent.atomic.AtomicReferenceArray<>(SCENES * Modality.values().length);

    public SceneInputs(long seed) {
        this.world = new ShapesWorld(DataSpec.defaults(seed));
        this.samples = world.samples(0, SCENES);
    }

    /** Scene n (0 to 63) as this modality's input; any other number is refused, never wrapped around. */
    public Payload scene(Modality m, int n) {
        if (n < 0 || n >= samples.size()) {
            throw new IllegalArgumentException("scene " + n + " does not exist: scenes are 0 to " + (samples.size() - 1));
        }
        int at = m.ordinal() * SCENES + n;
        Payload p = named.get(at);
        if (p == null) {
            p = input(m, n); // two threads may both make it: the same payload either way
            named.set(at, p);
        }
        return p;
    }

    /** Scene n as text, for a client's word: "12" -> 12; anything else is refused with the range. */
    public static int sceneNumber(String word) {
        try {
            return Integer.parseInt(word.trim());
        } catch (NumberFormatException e) {
            String shown = word.length() > 20 ? word.substring(0, 20) + "..." : word;
            throw new IllegalArgumentException("a scene is a number from 0 to " + (SCENES - 1) + ", not '" + shown.trim() + "'");
        }
    }

    /** Input i of a benchmark's stream: cycles through the samples. */
    public Payload input(Modality m, int i) {
        Sample s = samples.get(Math.floorMod(i, samples.size()));
        return switch (m) {
            case TEXT -> new Payload.Text(s.description().text());
            case IMAGE -> new Payload.Image(world.render(s.scene()));
            case AUDIO -> new Payload.Audio(SceneAudio.synthesize(s.scene()));
        };
    }

}
