package org.reflectlab.core.scaling;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.reflectlab.core.data.Cell;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.Shape;
import org.reflectlab.core.data.ShapeColor;
import org.reflectlab.core.data.Size;
import org.reflectlab.core.reflect.SceneReader;

/** A stand-in critic or judge: sees a blue circle for the first n images, then a red one. */
final class ScriptedReader implements SceneReader {

    static final List<SceneObject> RED = List.of(SceneObject.plain(Shape.CIRCLE, ShapeColor.RED, Size.LARGE, new Cell(1, 1)));
    static final List<SceneObject> BLUE = List.of(SceneObject.plain(Shape.CIRCLE, ShapeColor.BLUE, Size.LARGE, new Cell(1, 1)));

    private final int wrongFirst;
    final AtomicInteger calls = new AtomicInteger();

    ScriptedReader(int wrongFirst) {
        this.wrongFirst = wrongFirst;
    }

    @Override
    public List<List<SceneObject>> read(List<RgbImage> images) {
        List<List<SceneObject>> out = new ArrayList<>();
        for (RgbImage ignored : images) {
            out.add(calls.getAndIncrement() < wrongFirst ? BLUE : RED);
        }
        return out;
    }

    @Override
    public long forwardFlops() {
        return 1000;
    }
}
