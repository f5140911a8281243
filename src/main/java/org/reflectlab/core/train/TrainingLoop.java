package org.reflectlab.core.train;

import java.util.Locale;
import java.util.function.Supplier;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Runs a unified-model training to its last step, step by step, checking the control between
 * steps (pause, resume, stop), evaluating and sampling on schedule, and pausing with an
 * explanation when a step's loss is not finite or explodes. After
 * {@link #MAX_CONSECUTIVE_ROLLBACKS} such steps in a row it gives up: the run has diverged.
 * Used by the CLI and the Train workspace alike.
 */
public final class TrainingLoop {

    /** Rolled-back steps in a row after which a run counts as diverged. */
    public static final int MAX_CONSECUTIVE_ROLLBACKS = 3;

    /** How a run ended. */
    public enum Outcome { FINISHED, STOPPED, DIVERGED }

    private TrainingLoop() {
    }

    public static Outcome run(UnifiedTraining t, TrainingControl control, TrainingObserver observer) throws InterruptedException {
        return run(t, control, observer, t::nextBatch);
    }

    /** As {@link #run(UnifiedTraining, TrainingControl, TrainingObserver)} with a given batch source (tests inject bad data). */
    public static Outcome run(UnifiedTraining t, TrainingControl control, TrainingObserver observer,
                              Supplier<MultiDataSet> batches) throws InterruptedException {
        TrainSettings s = t.settings();
        if (t.completedSteps() == 0 && t.history().evals().isEmpty()) {
            observer.onEval(0, t.evaluate());
            observer.onSamples(t.samples());
        }
        int rollbacks = 0;
        long firstRolledBack = -1;
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
                rollbacks++;
                firstRolledBack = rollbacks == 1 ? r.iteration() : firstRolledBack;
                if (rollbacks >= MAX_CONSECUTIVE_ROLLBACKS) {
                    observer.onDiverged(r, divergedMessage(r, rollbacks, firstRolledBack, t.runningLoss()));
                    return Outcome.DIVERGED;
                }
                control.pause();
                observer.onNonFinite(r, nonFiniteMessage(r, t.runningLoss()));
                continue;
            }
            rollbacks = 0;
            observer.onStep(r, dt);
            long k = t.completedSteps();
            if (k % s.evalEvery() == 0 || t.finished()) {
                observer.onEval(k, t.evaluate());
            }
            if (k % s.sampleEvery() == 0 || t.finished()) {
                observer.onSamples(t.samples());
            }
        }
        if (t.finished() && !t.history().evals().containsKey(t.completedSteps())) {
            // the last step was rolled back: measure the weights the run ends with, so the saved metrics are theirs
            observer.onEval(t.completedSteps(), t.evaluate());
        }
        return t.finished() ? Outcome.FINISHED : Outcome.STOPPED;
    }

    static String nonFiniteMessage(StepResult r, double runningLoss) {
        return String.format(Locale.ROOT, "%s at step %d (learning rate %.2g). That step was undone, so the weights are as they "
                        + "were before it, and training is paused. Lower the learning rate (e.g. to a third) and resume, or stop.",
                what(r, runningLoss), r.iteration(), r.learningRate());
    }

    static String divergedMessage(StepResult r, int steps, long first, double runningLoss) {
        return String.format(Locale.ROOT, "Training diverged: %d steps in a row (%d to %d) were undone; the last: %s at learning "
                        + "rate %.2g. Start again with a lower learning rate or a longer warm-up.",
                steps, first, r.iteration(), what(r, runningLoss).replaceFirst("^The", "the"), r.learningRate());
    }

    private static String what(StepResult r, double runningLoss) {
        if (r.exploded()) {
            return String.format(Locale.ROOT, "The loss exploded to %.3g, over %.0f times its running average (%.3g)", r.loss(),
                    UnifiedTraining.EXPLOSION_FACTOR, runningLoss);
        }
        String which = r.components().entrySet().stream().filter(e -> !Double.isFinite(e.getValue()))
                .map(java.util.Map.Entry::getKey).findFirst().orElse("loss");
        return "The " + which.replace('_', ' ') + " became " + (Double.isNaN(r.loss()) ? "NaN" : "infinite");
    }
}
