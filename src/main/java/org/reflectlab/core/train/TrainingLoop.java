package org.reflectlab.core.train;

import java.util.Locale;
import java.util.function.Supplier;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Runs a unified-model training to its last step, step by step, checking the control between
 * steps (pause, resume, stop), evaluating and sampling on schedule, and pausing with an
 * explanation when a step's loss is not finite. Used by the CLI and the Train workspace alike.
 */
public final class TrainingLoop {

    private TrainingLoop() {
    }

    public static void run(UnifiedTraining t, TrainingControl control, TrainingObserver observer) throws InterruptedException {
        run(t, control, observer, t::nextBatch);
    }

    /** As {@link #run(UnifiedTraining, TrainingControl, TrainingObserver)} with a given batch source (tests inject bad data). */
    public static void run(UnifiedTraining t, TrainingControl control, TrainingObserver observer,
                           Supplier<MultiDataSet> batches) throws InterruptedException {
        TrainSettings s = t.settings();
        if (t.completedSteps() == 0 && t.history().evals().isEmpty()) {
            observer.onEval(0, t.evaluate());
            observer.onSamples(t.samples());
        }
        while (!t.finished()) {
            if (control.isPaused()) {
                observer.onPaused(t.completedSteps());
                if (!control.awaitRunnable()) {
                    break;
                }
                observer.onResumed(t.completedSteps());
            }
            if (control.isStopped()) {
                break;
            }
            long t0 = System.nanoTime();
            StepResult r = t.step(batches.get());
            long dt = System.nanoTime() - t0;
            if (r.nonFinite()) {
                control.pause();
                observer.onNonFinite(r, nonFiniteMessage(r));
                continue;
            }
            observer.onStep(r, dt);
            long k = t.completedSteps();
            if (k % s.evalEvery() == 0 || t.finished()) {
                observer.onEval(k, t.evaluate());
            }
            if (k % s.sampleEvery() == 0 || t.finished()) {
                observer.onSamples(t.samples());
            }
        }
    }

    static String nonFiniteMessage(StepResult r) {
        String which = r.components().entrySet().stream().filter(e -> !Double.isFinite(e.getValue()))
                .map(java.util.Map.Entry::getKey).findFirst().orElse("loss");
        return String.format(Locale.ROOT, "The %s became %s at step %d (learning rate %.2g). That step was undone, so the "
                        + "weights are as they were before it, and training is paused. Lower the learning rate "
                        + "(e.g. to a third) and resume, or stop.",
                which.replace('_', ' '), Double.isNaN(r.loss()) ? "NaN" : "infinite", r.iteration(), r.learningRate());
    }
}
