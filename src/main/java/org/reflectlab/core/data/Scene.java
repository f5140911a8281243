package org.reflectlab.core.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A ShapesWorld scene: 1 to 3 objects, each in its own grid cell, kept in reading order. */
public record Scene(List<SceneObject> objects) {

    public static final int MAX_OBJECTS = 3;

    public Scene {
        if (objects.isEmpty() || objects.size() > MAX_OBJECTS) {
            throw new IllegalArgumentException("a scene holds 1 to " + MAX_OBJECTS + " objects, not " + objects.size());
        }
        Set<Cell> cells = new HashSet<>();
        for (SceneObject o : objects) {
            if (!cells.add(o.cell())) {
                throw new IllegalArgumentException("two objects share the cell " + o.cell());
            }
        }
        List<SceneObject> sorted = new ArrayList<>(objects);
        sorted.sort(Comparator.comparingInt(o -> o.cell().index()));
        objects = List.copyOf(sorted);
    }

    public static Scene of(SceneObject... objects) {
        return new Scene(List.of(objects));
    }

    public int size() {
        return objects.size();
    }

    public long count(Shape shape) {
        return objects.stream().filter(o -> o.shape() == shape).count();
    }
}
