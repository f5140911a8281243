package org.reflectlab.ui.train;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.beans.binding.Bindings;
import org.reflectlab.ui.train.TrainViewModel.State;

/** When each of the Train workspace's commands can run, bound to the run's state (buttons bind to these). */
public final class TrainCommands {

    private final BooleanBinding canStart;
    private final BooleanBinding canPause;
    private final BooleanBinding canResume;
    private final BooleanBinding canStop;
    private final BooleanBinding canReset;
    private final BooleanBinding canSave;

    TrainCommands(ObservableObjectValue<State> state, ObservableBooleanValue hasModel) {
        canStart = Bindings.equal(state, State.IDLE);
        canPause = Bindings.equal(state, State.RUNNING);
        canResume = Bindings.equal(state, State.PAUSED);
        canStop = Bindings.equal(state, State.RUNNING).or(Bindings.equal(state, State.PAUSED));
        canReset = Bindings.equal(state, State.IDLE).and(hasModel);
        canSave = Bindings.equal(state, State.IDLE).or(Bindings.equal(state, State.PAUSED)).and(hasModel);
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    public BooleanBinding canPauseProperty() {
        return canPause;
    }

    public BooleanBinding canResumeProperty() {
        return canResume;
    }

    public BooleanBinding canStopProperty() {
        return canStop;
    }

    public BooleanBinding canResetProperty() {
        return canReset;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }
}
