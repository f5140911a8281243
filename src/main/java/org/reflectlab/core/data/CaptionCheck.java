package org.reflectlab.core.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a scene satisfies a caption, with GenEval's semantics: named objects must be present
 * (distinct objects for distinct phrases), a counted phrase ("two circles") needs exactly that
 * many matching objects, a relation must hold between the two phrases' objects, and a
 * DESCRIPTION caption must account for every object in the scene.
 */
public final class CaptionCheck {

    private CaptionCheck() {
    }

    public static boolean satisfies(Caption caption, Scene scene) {
        return satisfies(caption, scene.objects());
    }

    /** The same check on any list of objects, e.g. what a detector read off an image (may be empty). */
    public static boolean satisfies(Caption caption, List<SceneObject> objects) {
        for (Clause c : caption.clauses()) {
            if (c.count() > 1) {
                long matching = objects.stream().filter(c::admits).count();
                if (matching != c.count()) {
                    return false;
                }
            }
        }
        if (caption.exhaustive() && caption.objectCount() != objects.size()) {
            return false;
        }
        List<Clause> slots = new ArrayList<>();
        for (Clause c : caption.clauses()) {
            for (int i = 0; i < c.count(); i++) {
                slots.add(c);
            }
        }
        if (slots.size() > objects.size()) {
            return false;
        }
        return assign(caption, slots, objects, new int[slots.size()], new boolean[objects.size()], 0);
    }

    /** Backtracking over injective slot -> object assignments; scenes hold at most 3 objects. */
    private static boolean assign(Caption caption, List<Clause> slots, List<SceneObject> objects,
                                  int[] chosen, boolean[] used, int slot) {
        if (slot == slots.size()) {
            return relationHolds(caption, slots, objects, chosen);
        }
        for (int i = 0; i < objects.size(); i++) {
            if (!used[i] && slots.get(slot).admits(objects.get(i))) {
                used[i] = true;
                chosen[slot] = i;
                if (assign(caption, slots, objects, chosen, used, slot + 1)) {
                    return true;
                }
                used[i] = false;
            }
        }
        return false;
    }

    private static boolean relationHolds(Caption caption, List<Clause> slots, List<SceneObject> objects, int[] chosen) {
        if (caption.relation() == null) {
            return true;
        }
        // A relation links two single-object phrases, so slot 0 and slot 1 are their objects.
        return caption.relation().holds(objects.get(chosen[0]).cell(), objects.get(chosen[1]).cell());
    }
}
