package org.reflectlab.ui.scaling;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.data.Cell;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.Shape;
import org.reflectlab.core.data.ShapeColor;
import org.reflectlab.core.data.Size;
import org.reflectlab.core.nn.detector.SceneReader;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.reflect.TinyModels;
import org.reflectlab.ui.kit.Notifier;

/** The Scaling workspace's ViewModel over tiny untrained networks and readers that see a red circle every other image. */
final class TinyScaling {

    private TinyScaling() {
    }

    static ScalingViewModel vm(TaskRunner runner, Notifier notifier, Path sweeps) {
        ScalingViewModel vm = new ScalingViewModel(runner, notifier, TinyScaling::reflector, Map::of, sweeps,
                PromptSet.generate(1, 2).prompts());
        vm.setup().ksProperty().set("1,2,3");
        vm.setup().perCategoryProperty().set(1);
        return vm;
    }

    static Reflector reflector() {
        UnifiedModel unified = TinyModels.unified();
        Generator g = TinyModels.generator(unified);
        return TinyModels.reflector(unified, g, alternating(), alternating());
    }

    private static SceneReader alternating() {
        AtomicInteger calls = new AtomicInteger();
        List<SceneObject> red = List.of(SceneObject.plain(Shape.CIRCLE, ShapeColor.RED, Size.LARGE, new Cell(1, 1)));
        List<SceneObject> blue = List.of(SceneObject.plain(Shape.SQUARE, ShapeColor.BLUE, Size.SMALL, new Cell(0, 0)));
        return new SceneReader() {
            @Override
            public List<List<SceneObject>> read(List<RgbImage> images) {
                List<List<SceneObject>> out = new ArrayList<>();
                images.forEach(i -> out.add(calls.getAndIncrement() % 2 == 0 ? blue : red));
                return out;
            }

            @Override
            public long forwardFlops() {
                return 1000;
            }
        };
    }
}
