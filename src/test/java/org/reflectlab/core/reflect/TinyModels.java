package org.reflectlab.core.reflect;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.reflectlab.core.data.Cell;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.Shape;
import org.reflectlab.core.data.ShapeColor;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.data.Size;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.nn.detector.SceneReader;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.generator.GeneratorConfig;
import org.reflectlab.core.nn.generator.LatentCodec;
import org.reflectlab.core.nn.unified.UnifiedConfig;
import org.reflectlab.core.nn.unified.UnifiedModel;

/** Untrained, tiny networks of the real kinds, for fast tests of the machinery around them. */
public final class TinyModels {

    private TinyModels() {
    }

    public static UnifiedModel unified() {
        return UnifiedModel.create(new UnifiedConfig(32, 8, 32, 2, 1, 1, 0, 1, 32, 1, 1, 1, 0.2, 0.1), 3);
    }

    public static Generator generator(UnifiedModel unified) {
        Params p = new Params(4);
        LatentCodec.fitStatistics(unified, new ShapesWorld(DataSpec.defaults(9)), 64, 16, p);
        return new Generator(GeneratorConfig.tiny(16), p).useGuide(new LatentCodec(unified, p));
    }

    /**
     * Three conditions that exercise every part of the generator's sequence: a prompt alone, a prompt
     * with a (latent, feedback) pair and an image-masked pair, and the unconditional one.
     */
    public static List<Generator.Condition> mixedConditions(Generator g) {
        org.reflectlab.core.data.Caption prompt = org.reflectlab.core.data.CaptionParser.parse("two red circles").caption();
        org.reflectlab.core.data.Caption other = org.reflectlab.core.data.CaptionParser.parse("a blue square").caption();
        org.nd4j.linalg.api.ndarray.INDArray z = Generator.noise(2, g.config().latent(), 3);
        List<Generator.Condition> conds = new ArrayList<>();
        conds.add(new Generator.Condition(prompt, List.of()));
        conds.add(new Generator.Condition(other, List.of(
                new Generator.ContextPair(z.getRow(0), Feedback.sentences(other, RED_CIRCLE)),
                new Generator.ContextPair(z.getRow(1), List.of(), true))));
        conds.add(conds.get(1).withoutCondition());
        return conds;
    }

    /** What a stand-in reader sees when right for "a red circle", and when wrong. */
    public static final List<SceneObject> RED_CIRCLE = List.of(SceneObject.plain(Shape.CIRCLE, ShapeColor.RED, Size.LARGE, new Cell(1, 1)));
    public static final List<SceneObject> BLUE_CIRCLE = List.of(SceneObject.plain(Shape.CIRCLE, ShapeColor.BLUE, Size.LARGE, new Cell(1, 1)));

    /** A stand-in critic or judge: sees a blue circle for the first n images it reads, then a red one. */
    public static SceneReader wrongFirst(int n) {
        return wrongFirst(n, new AtomicInteger());
    }

    /** As above, counting the images read in {@code calls}. */
    public static SceneReader wrongFirst(int n, AtomicInteger calls) {
        return new SceneReader() {
            @Override
            public List<List<SceneObject>> read(List<RgbImage> images) {
                List<List<SceneObject>> out = new ArrayList<>();
                for (RgbImage ignored : images) {
                    out.add(calls.getAndIncrement() < n ? BLUE_CIRCLE : RED_CIRCLE);
                }
                return out;
            }

            @Override
            public long forwardFlops() {
                return 1000;
            }
        };
    }

    /** The real reflection pipeline on tiny networks, with stand-in readers. */
    public static Reflector reflector(UnifiedModel unified, Generator generator, SceneReader critic, SceneReader judge) {
        return new Reflector(generator, new LatentCodec(unified, generator.params()), critic, judge);
    }
}
