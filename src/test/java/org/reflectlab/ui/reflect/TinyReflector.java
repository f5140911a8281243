package org.reflectlab.ui.reflect;

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
import org.reflectlab.core.nn.UnifiedConfig;
import org.reflectlab.core.nn.UnifiedModel;
import org.reflectlab.core.reflect.Generator;
import org.reflectlab.core.reflect.GeneratorConfig;
import org.reflectlab.core.reflect.LatentCodec;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.reflect.SceneReader;

/** A real reflection pipeline of tiny untrained networks, with a critic that finds the first n images wrong. */
final class TinyReflector {

    private TinyReflector() {
    }

    static Reflector create(int wrongBeforeRight) {
        UnifiedModel unified = UnifiedModel.create(new UnifiedConfig(32, 8, 32, 2, 1, 1, 0, 1, 32, 1, 1, 1, 0.2, 0.1), 3);
        Params p = new Params(4);
        LatentCodec.fitStatistics(unified, new ShapesWorld(DataSpec.defaults(9)), 64, 16, p);
        Generator g = new Generator(GeneratorConfig.tiny(16), p);
        return new Reflector(g, new LatentCodec(unified, p), scripted(wrongBeforeRight), scripted(Integer.MAX_VALUE));
    }

    private static SceneReader scripted(int wrong) {
        AtomicInteger calls = new AtomicInteger();
        List<SceneObject> right = List.of(SceneObject.plain(Shape.CIRCLE, ShapeColor.RED, Size.LARGE, new Cell(1, 1)));
        List<SceneObject> bad = List.of(SceneObject.plain(Shape.CIRCLE, ShapeColor.BLUE, Size.LARGE, new Cell(1, 1)));
        return new SceneReader() {
            @Override
            public List<List<SceneObject>> read(List<RgbImage> images) {
                List<List<SceneObject>> out = new ArrayList<>();
                images.forEach(i -> out.add(calls.getAndIncrement() < wrong ? bad : right));
                return out;
            }

            @Override
            public long forwardFlops() {
                return 1000;
            }
        };
    }
}
