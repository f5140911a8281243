package org.reflectlab.core.world;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.reflectlab.core.data.RgbImage;

/**
 * One seeded rollout seen four ways, frame by frame: the truth, the explicit model, the implicit
 * model and their blend, with metrics for each. Frames run 0..horizon; frame 0 is the last of the
 * two context frames every model starts from. Changing alpha only re-blends: no model runs again.
 */
public record Comparison(WorldSpec spec, double alpha, double threshold, double[][] actions,
                         Map<ModelKind, List<RgbImage>> frames, Map<ModelKind, RolloutMetrics> metrics) {

    public static Comparison run(WorldSpec spec, WorldModels models, double alpha, double threshold, Runnable checkpoint) {
        Hybrid.checkAlpha(alpha);
        Episode e = Episode.of(spec);
        List<RgbImage> all = new ArrayList<>(e.frames());
        for (WorldState s : e.states()) {
            checkpoint.run();
            all.add(FrameRenderer.render(s, spec.frameSize()));
        }
        Map<ModelKind, List<RgbImage>> frames = new EnumMap<>(ModelKind.class);
        frames.put(ModelKind.TRUTH, List.copyOf(all.subList(1, all.size())));
        frames.put(ModelKind.EXPLICIT, models.explicit().rollout(all.get(0), all.get(1), e.actions(), spec.horizon(), checkpoint));
        if (models.hasImplicit()) {
            RgbImage[] context = {all.get(0), all.get(1)};
            frames.put(ModelKind.IMPLICIT, ImplicitRollouts.run(models.implicit(), List.<RgbImage[]>of(context),
                    List.<double[][]>of(e.actions()), spec.horizon(), checkpoint).get(0));
        }
        return assemble(spec, alpha, threshold, e.actions(), frames);
    }

    private static Comparison assemble(WorldSpec spec, double alpha, double threshold, double[][] actions,
                                       Map<ModelKind, List<RgbImage>> frames) {
        Map<ModelKind, List<RgbImage>> all = new EnumMap<>(frames);
        all.remove(ModelKind.HYBRID);
        if (all.containsKey(ModelKind.IMPLICIT)) {
            all.put(ModelKind.HYBRID, Hybrid.blend(all.get(ModelKind.EXPLICIT), all.get(ModelKind.IMPLICIT), alpha));
        }
        Map<ModelKind, RolloutMetrics> metrics = new EnumMap<>(ModelKind.class);
        List<RgbImage> truth = all.get(ModelKind.TRUTH);
        all.forEach((kind, f) -> metrics.put(kind, RolloutMetrics.of(f, truth, threshold, spec.physics())));
        return new Comparison(spec, alpha, threshold, actions, Map.copyOf(all), Map.copyOf(metrics));
    }

    /** The same rollout with another blend (cheap: no model runs). */
    public Comparison withAlpha(double newAlpha) {
        Hybrid.checkAlpha(newAlpha);
        return assemble(spec, newAlpha, threshold, actions, frames);
    }

    public int horizon() {
        return spec.horizon();
    }

    public boolean has(ModelKind kind) {
        return frames.containsKey(kind);
    }

    public RgbImage frame(ModelKind kind, int k) {
        return frames.get(kind).get(k);
    }
}
