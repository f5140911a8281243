package org.reflectlab.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The procedural dataset. Sample i depends only on (spec, i), so any sample can be drawn on
 * its own, in any order, on any thread.
 */
public final class ShapesWorld {

    private final DataSpec spec;

    public ShapesWorld(DataSpec spec) {
        this.spec = spec;
    }

    public DataSpec spec() {
        return spec;
    }

    public Sample sample(long index) {
        SplittableRandom r = random(spec.seed(), index);
        List<Category> cats = spec.categories();
        Category category = cats.get(r.nextInt(cats.size()));
        Caption caption = SceneSampler.randomCaption(category, r);
        Scene scene = SceneSampler.realize(caption, r)
                .orElseThrow(() -> new IllegalStateException("sampler drew an unsatisfiable caption: " + caption));
        return new Sample(index, category, scene, caption, SceneSampler.describe(scene));
    }

    public List<Sample> samples(long first, int count) {
        List<Sample> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(sample(first + i));
        }
        return out;
    }

    public RgbImage render(Scene scene) {
        return SceneRenderer.render(scene, spec.imageSize());
    }

    public RgbImage image(long index) {
        return render(sample(index).scene());
    }

    /** An independent random stream for (seed, index): SplitMix64's finaliser over both. */
    public static SplittableRandom random(long seed, long index) {
        return new SplittableRandom(mix(mix(seed) ^ (index * 0x9E3779B97F4A7C15L)));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
