package org.reflectlab.core.reflect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionCheck;
import org.reflectlab.core.data.Cell;
import org.reflectlab.core.data.Clause;
import org.reflectlab.core.data.Scene;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.SceneSampler;
import org.reflectlab.core.data.Shape;
import org.reflectlab.core.data.ShapeColor;

/**
 * Breaks a scene that satisfies a prompt in the ways generators fail (a wrong color, a missing
 * or extra object, swapped places, a wrong shape), keeping everything else, so the generator
 * can learn from (flawed image, feedback) -> the scene as it should be.
 */
public final class Flaws {

    private static final int ATTEMPTS = 30;

    private Flaws() {
    }

    /** A scene that does not satisfy the prompt and differs from the given one in one respect. */
    public static Optional<Scene> corrupt(Caption prompt, Scene good, SplittableRandom r) {
        for (int i = 0; i < ATTEMPTS; i++) {
            Scene bad = attempt(prompt, good, r);
            if (bad != null && !CaptionCheck.satisfies(prompt, bad)) {
                return Optional.of(bad);
            }
        }
        return Optional.empty();
    }

    private static Scene attempt(Caption prompt, Scene good, SplittableRandom r) {
        List<SceneObject> objs = new ArrayList<>(good.objects());
        int kind = r.nextInt(5);
        int i = r.nextInt(objs.size());
        SceneObject o = objs.get(i);
        switch (kind) {
            case 0 -> objs.set(i, o.withColor(other(ShapeColor.values(), o.color(), r)));
            case 1 -> objs.set(i, o.withShape(other(Shape.values(), o.shape(), r)));
            case 2 -> {
                if (objs.size() == 1) {
                    return null;
                }
                objs.remove(i);
            }
            case 3 -> {
                if (objs.size() >= Scene.MAX_OBJECTS) {
                    return null;
                }
                Clause c = prompt.clauses().get(r.nextInt(prompt.clauses().size()));
                Cell cell = freeCell(objs, r);
                objs.add(SceneSampler.withDetail(c.shape(), o.color(), o.size(), cell, r));
            }
            default -> {
                if (objs.size() < 2) {
                    objs.set(i, o.withCell(freeCell(objs, r)));
                } else {
                    int j = (i + 1 + r.nextInt(objs.size() - 1)) % objs.size();
                    SceneObject p = objs.get(j);
                    objs.set(i, o.withCell(p.cell()));
                    objs.set(j, p.withCell(o.cell()));
                }
            }
        }
        return new Scene(objs);
    }

    private static Cell freeCell(List<SceneObject> objs, SplittableRandom r) {
        Set<Cell> used = new HashSet<>();
        objs.forEach(o -> used.add(o.cell()));
        List<Cell> free = new ArrayList<>(Cell.ALL);
        free.removeAll(used);
        return free.get(r.nextInt(free.size()));
    }

    private static <T> T other(T[] values, T not, SplittableRandom r) {
        T v;
        do {
            v = values[r.nextInt(values.length)];
        } while (v == not);
        return v;
    }
}
