package org.reflectlab.ui.reflect;

import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.reflect.TinyModels;

/** A real reflection pipeline of tiny untrained networks, with a critic that finds the first n images wrong (the judge: all, unless told). */
final class TinyReflector {

    private TinyReflector() {
    }

    static Reflector create(int wrongBeforeRight) {
        return create(wrongBeforeRight, Integer.MAX_VALUE);
    }

    /** As above, with a judge that finds the first {@code judgeWrongFirst} images wrong and the rest correct. */
    static Reflector create(int wrongBeforeRight, int judgeWrongFirst) {
        UnifiedModel unified = TinyModels.unified();
        Generator g = TinyModels.generator(unified);
        return TinyModels.reflector(unified, g, TinyModels.wrongFirst(wrongBeforeRight), TinyModels.wrongFirst(judgeWrongFirst));
    }
}
