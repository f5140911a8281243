package org.reflectlab.ui.train;

import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.reflectlab.core.train.TrainingControl;
import org.reflectlab.core.train.UnifiedTraining;
import org.reflectlab.ui.train.TrainViewModel.State;
import org.reflectlab.ui.kit.TextLine;

/**
 * Pause, resume, stop and "lower the learning rate and resume" for the run in progress: each asks
 * the training loop through its {@link TrainingControl} and moves the state machine at once, so the
 * buttons answer before the current step ends. Pause and resume are also one key ({@link #togglePause()}).
 */
public final class RunControls {

    private final ReadOnlyObjectWrapper<State> state;
    private final TextLine status;
    private final TextLine problem;
    private final TrainMonitor monitor;
    private final Supplier<UnifiedTraining> training;
    private TrainingControl control;

    RunControls(ReadOnlyObjectWrapper<State> state, TextLine status, TextLine problem, TrainMonitor monitor,
                Supplier<UnifiedTraining> training) {
        this.state = state;
        this.status = status;
        this.problem = problem;
        this.monitor = monitor;
        this.training = training;
    }

    /** A new control for a run about to start. */
    TrainingControl next() {
        control = new TrainingControl();
        return control;
    }

    boolean pausedAlready() {
        return control != null && control.isPaused();
    }

    public void pause() {
        if (control != null && (state.get() == State.RUNNING || state.get() == State.STARTING)) {
            control.pause();
            state.set(State.PAUSED);
            status.set("train.status.paused");
        }
    }

    public void resume() {
        if (control != null && state.get() == State.PAUSED) {
            problem.clear();
            monitor.tiles().started(monitor.stepProperty().get());
            state.set(State.RUNNING);
            status.set("train.status.training");
            control.resume();
        }
    }

    public void togglePause() {
        if (state.get() == State.PAUSED) {
            resume();
        } else {
            pause();
        }
    }

    public void stop() {
        if (control != null && (state.get() == State.RUNNING || state.get() == State.PAUSED || state.get() == State.STARTING)) {
            state.set(State.STOPPING);
            status.set("train.status.stopping");
            control.stop();
        }
    }

    /** After a NaN: a third of the learning rate from the next step, and carry on. */
    public void lowerLearningRateAndResume() {
        if (training.get() != null && state.get() == State.PAUSED) {
            training.get().scaleLearningRate(1.0 / 3);
            resume();
        }
    }
}
