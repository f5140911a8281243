package org.reflectlab.ui.world;

import org.reflectlab.core.nn.world.ImplicitConfig;
import org.reflectlab.core.nn.world.ImplicitModel;
import org.reflectlab.core.world.PhysicsParams;
import org.reflectlab.core.world.WorldModels;

/** World models for ViewModel tests: explicit physics, optionally with a tiny untrained implicit model. */
final class TestModels {

    private TestModels() {
    }

    static WorldModels explicitOnly() {
        return WorldModels.explicitOnly(PhysicsParams.defaults(), 32,
                new org.reflectlab.core.text.Phrase("world.problem.missing", "world-implicit", "No model 'world-implicit' (test)."));
    }

    static WorldModels withTinyImplicit() {
        WorldModels e = explicitOnly();
        return new WorldModels(e.explicit(), e.identification(), ImplicitModel.create(ImplicitConfig.tiny(), 3), null);
    }
}
