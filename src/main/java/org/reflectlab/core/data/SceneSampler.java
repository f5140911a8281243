package org.reflectlab.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Draws captions and scenes. A GenEval-category sample is drawn as a random caption of that
 * category, then realised as a scene that satisfies it; DESCRIPTION samples are free scenes of 1
 * to 3 objects. All fine detail (offset, hue jitter, rotation) comes from the same random stream.
 */
public final class SceneSampler {

    /** Largest hue shift a scene applies to a named color, in degrees. */
    public static final double MAX_HUE_JITTER = 8;
    /** Largest rotation of a shape, in degrees (small enough that a square stays a square). */
    public static final double MAX_ROTATION = 15;

    private static final int REALIZE_ATTEMPTS = 400;

    private SceneSampler() {
    }

    /** A random caption of a GenEval category, or a random DESCRIPTION of a random scene. */
    public static Caption randomCaption(Category category, SplittableRandom r) {
        Shape[] shapes = Shape.values();
        ShapeColor[] colors = ShapeColor.values();
        return switch (category) {
            case SINGLE_OBJECT -> Caption.of(Clause.of(pick(shapes, r)));
            case TWO_OBJECTS -> {
                Shape[] two = twoDistinct(shapes, r);
                yield Caption.of(Clause.of(two[0]), Clause.of(two[1]));
            }
            case COUNTING -> Caption.of(Clause.counted(2 + r.nextInt(Scene.MAX_OBJECTS - 1), pick(shapes, r)));
            case COLORS -> Caption.of(Clause.of(pick(colors, r), pick(shapes, r)));
            case POSITION -> {
                Shape[] two = twoDistinct(shapes, r);
                yield Caption.related(Clause.of(two[0]), pick(Relation.values(), r), Clause.of(two[1]));
            }
            case COLOR_ATTRIBUTION -> {
                Shape[] two = twoDistinct(shapes, r);
                ShapeColor[] c = twoDistinct(colors, r);
                yield Caption.of(Clause.of(c[0], two[0]), Clause.of(c[1], two[1]));
            }
            case DESCRIPTION -> describe(randomScene(r));
        };
    }

    /** A free scene: 1-3 objects with random attributes in distinct cells. */
    public static Scene randomScene(SplittableRandom r) {
        int n = 1 + r.nextInt(Scene.MAX_OBJECTS);
        List<Cell> cells = new ArrayList<>(Cell.ALL);
        List<SceneObject> objects = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Cell cell = cells.remove(r.nextInt(cells.size()));
            objects.add(withDetail(pick(Shape.values(), r), pick(ShapeColor.values(), r), pick(Size.values(), r), cell, r));
        }
        return new Scene(objects);
    }

    /** The DESCRIPTION caption of a scene: every object's size, color, shape and place. */
    public static Caption describe(Scene scene) {
        return new Caption(scene.objects().stream().map(Clause::describing).toList(), null);
    }

    /**
     * A scene that satisfies the caption: exactly the objects it names, with unnamed attributes
     * and fine detail drawn at random. Empty if no placement satisfies it (e.g. "a circle at
     * left right of a square at right").
     */
    public static Optional<Scene> realize(Caption caption, SplittableRandom r) {
        for (int attempt = 0; attempt < REALIZE_ATTEMPTS; attempt++) {
            List<Cell> free = new ArrayList<>(Cell.ALL);
            for (Clause c : caption.clauses()) {
                if (c.cell() != null) {
                    free.remove(c.cell());
                }
            }
            List<SceneObject> objects = new ArrayList<>();
            for (Clause c : caption.clauses()) {
                for (int i = 0; i < c.count(); i++) {
                    ShapeColor color = c.color() != null ? c.color() : pick(ShapeColor.values(), r);
                    Size size = c.size() != null ? c.size() : pick(Size.values(), r);
                    Cell cell = c.cell() != null ? c.cell() : free.remove(r.nextInt(free.size()));
                    objects.add(withDetail(c.shape(), color, size, cell, r));
                }
            }
            Scene scene = new Scene(objects);
            if (CaptionCheck.satisfies(caption, scene)) {
                return Optional.of(scene);
            }
        }
        return Optional.empty();
    }

    public static SceneObject withDetail(Shape shape, ShapeColor color, Size size, Cell cell, SplittableRandom r) {
        double limit = shape.maxOffset(size);
        double dx = (r.nextDouble() * 2 - 1) * limit;
        double dy = (r.nextDouble() * 2 - 1) * limit;
        double hue = (r.nextDouble() * 2 - 1) * MAX_HUE_JITTER;
        double rotation = (r.nextDouble() * 2 - 1) * MAX_ROTATION;
        return new SceneObject(shape, color, size, cell, dx, dy, hue, rotation);
    }

    private static <T> T pick(T[] values, SplittableRandom r) {
        return values[r.nextInt(values.length)];
    }

    private static <T> T[] twoDistinct(T[] values, SplittableRandom r) {
        int a = r.nextInt(values.length);
        int b = (a + 1 + r.nextInt(values.length - 1)) % values.length;
        T[] out = java.util.Arrays.copyOf(values, 2);
        out[0] = values[a];
        out[1] = values[b];
        return out;
    }
}
