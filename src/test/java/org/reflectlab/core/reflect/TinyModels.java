package org.reflectlab.core.reflect;

import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.nn.UnifiedConfig;
import org.reflectlab.core.nn.UnifiedModel;

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
        return new Generator(GeneratorConfig.tiny(16), p);
    }
}
