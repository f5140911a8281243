package org.reflectlab.core.world;

import org.reflectlab.core.nn.world.ImplicitModel;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;
import org.reflectlab.core.text.Phrase;

/**
 * The world models a comparison can use: the explicit one always (it is identified in well
 * under a second), the implicit one when a trained model loads. When it does not, {@code
 * implicitProblem} says why, and everything runs with explicit physics alone.
 */
public record WorldModels(ExplicitModel explicit, SystemIdentification.Result identification, ImplicitModel implicit,
                          Phrase implicitProblem) {

    /** Seeds of the rollouts the explicit model is identified from (never used for evaluation). */
    public static final long CALIBRATION_SEED = 7_000_000;
    public static final int CALIBRATION_ROLLOUTS = 12;
    public static final int CALIBRATION_FRAMES = 150;

    public boolean hasImplicit() {
        return implicit != null;
    }

    public static WorldModels load(ModelStore store, String name, PhysicsParams truth, int frameSize) {
        ImplicitModel implicit = null;
        Phrase problem = null;
        try {
            implicit = loadImplicit(store, name, frameSize);
        } catch (ModelStoreException e) {
            // the store's detail (English, naming the model and file) goes along: the app says the rest in its language
            problem = new Phrase(e.reason() == ModelStoreException.Reason.MISSING_MODEL ? "world.problem.missing" : "world.problem.unusable",
                    name, String.valueOf(e.getMessage()));
        }
        return with(truth, frameSize, implicit, problem);
    }

    /**
     * The implicit model, or an exception that says why it cannot be used (missing, damaged,
     * trained on other frames, or the ND4J natives failed to load).
     */
    public static ImplicitModel loadImplicit(ModelStore store, String name, int frameSize) throws ModelStoreException {
        ImplicitModel implicit;
        try {
            implicit = ImplicitModelIO.load(store, name);
        } catch (RuntimeException | LinkageError e) {
            throw new ModelStoreException(ModelStoreException.Reason.UNREADABLE,
                    "The implicit model '" + name + "' could not be loaded (" + e.getClass().getSimpleName() + ").", e);
        }
        if (implicit.config().frameSize() != frameSize) {
            throw new ModelStoreException(ModelStoreException.Reason.BAD_MANIFEST, "The implicit model '" + name
                    + "' was trained on " + implicit.config().frameSize() + "px frames; these are " + frameSize + "px.");
        }
        return implicit;
    }

    /** The explicit model identified for these physics, beside the given implicit one (null: none, for the reason given). */
    public static WorldModels with(PhysicsParams truth, int frameSize, ImplicitModel implicit, Phrase problem) {
        ExplicitModel.Calibration c = ExplicitModel.calibrate(truth, CALIBRATION_SEED, CALIBRATION_ROLLOUTS,
                CALIBRATION_FRAMES, frameSize);
        return new WorldModels(c.model(), c.identification(), implicit, problem);
    }

    public static WorldModels explicitOnly(PhysicsParams truth, int frameSize, Phrase why) {
        ExplicitModel.Calibration c = ExplicitModel.calibrate(truth, CALIBRATION_SEED, CALIBRATION_ROLLOUTS,
                CALIBRATION_FRAMES, frameSize);
        return new WorldModels(c.model(), c.identification(), null, why);
    }
}
