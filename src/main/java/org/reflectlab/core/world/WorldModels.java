package org.reflectlab.core.world;

import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;

/**
 * The world models a comparison can use: the explicit one always (it is identified in well
 * under a second), the implicit one when a trained model loads. When it does not, {@code
 * implicitProblem} says why, and everything runs with explicit physics alone.
 */
public record WorldModels(ExplicitModel explicit, SystemIdentification.Result identification, ImplicitModel implicit,
                          String implicitProblem) {

    /** Seeds of the rollouts the explicit model is identified from (never used for evaluation). */
    public static final long CALIBRATION_SEED = 7_000_000;
    public static final int CALIBRATION_ROLLOUTS = 12;
    public static final int CALIBRATION_FRAMES = 150;

    public boolean hasImplicit() {
        return implicit != null;
    }

    public static WorldModels load(ModelStore store, String name, PhysicsParams truth, int frameSize) {
        ExplicitModel.Calibration c = ExplicitModel.calibrate(truth, CALIBRATION_SEED, CALIBRATION_ROLLOUTS,
                CALIBRATION_FRAMES, frameSize);
        ImplicitModel implicit = null;
        String problem = null;
        try {
            implicit = ImplicitModelIO.load(store, name);
            if (implicit.config().frameSize() != frameSize) {
                problem = "The implicit model '" + name + "' was trained on " + implicit.config().frameSize()
                        + "px frames; these are " + frameSize + "px. Showing explicit physics only.";
                implicit = null;
            }
        } catch (ModelStoreException e) {
            problem = e.getMessage() + " Running with explicit physics only; train one with "
                    + "`reflectlab train world`.";
        } catch (RuntimeException | LinkageError e) {
            // e.g. the ND4J natives failed to load: physics needs none of them
            problem = "The implicit model '" + name + "' could not be loaded (" + e + "). Showing explicit physics only.";
        }
        return new WorldModels(c.model(), c.identification(), implicit, problem);
    }

    public static WorldModels explicitOnly(PhysicsParams truth, int frameSize, String why) {
        ExplicitModel.Calibration c = ExplicitModel.calibrate(truth, CALIBRATION_SEED, CALIBRATION_ROLLOUTS,
                CALIBRATION_FRAMES, frameSize);
        return new WorldModels(c.model(), c.identification(), null, why);
    }
}
