package org.reflectlab.core.train;

import java.util.Map;

/** Receives a training run's events on the training thread; copy what you keep (scalars, images). */
public interface TrainingObserver {

    default void onStep(StepResult result, long stepNanos) {
    }

    default void onEval(long step, Map<String, Double> metrics) {
    }

    default void onSamples(SamplePanel panel) {
    }

    /** The loss went NaN or infinite (or exploded): the step was rolled back and the run paused. */
    default void onNonFinite(StepResult result, String message) {
    }

    /** Too many steps in a row were rolled back: the run gave up (the weights are those before the first of them). */
    default void onDiverged(StepResult result, String message) {
    }

    default void onPaused(long step) {
    }

    default void onResumed(long step) {
    }
}
