package org.reflectlab.ui.train;

import java.nio.file.Path;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.train.SamplePanel;
import org.reflectlab.core.train.TrainingControl;
import org.reflectlab.core.train.TrainingLoop;
import org.reflectlab.core.train.UnifiedTraining;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Notifier;
import org.reflectlab.ui.kit.TextLine;

/**
 * The Train workspace: hyperparameters, the start / pause / resume / stop / reset state machine
 * around a training run on its own thread, checkpoints and exports. What the run shows (charts,
 * tiles, samples) is {@link TrainMonitor}; when each command can run is {@link TrainCommands}.
 */
public final class TrainViewModel {

    public enum State { IDLE, STARTING, RUNNING, PAUSED, STOPPING }

    /** Fresh runs from the hyperparameters: the app's factory (tests pass a tiny model's). */
    public static final Function<HyperParams, UnifiedTraining> FRESH = hp -> UnifiedTraining.fresh(hp.toConfig(), hp.toSettings());

    private static final I18n.Message READY = new I18n.Message("train.status.ready");

    private final TaskRunner runner;
    private final Notifier notifier;
    private final HyperParamsViewModel hyperVm;
    private final HyperParams hyper;
    private final Function<HyperParams, UnifiedTraining> factory;

    // Properties //
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final TextLine status = new TextLine(READY);
    private final TextLine problem = new TextLine(null);
    private final ReadOnlyBooleanWrapper hasModel = new ReadOnlyBooleanWrapper();

    private final TrainMonitor monitor = new TrainMonitor();
    private final TrainCommands commands = new TrainCommands(state.getReadOnlyProperty(), hasModel.getReadOnlyProperty());
    private final TrainExports exports;
    private final TrainLoads loads;
    private final TrainSpill spill;

    private UnifiedTraining training;
    private final RunControls controls = new RunControls(state, status, problem, monitor, () -> training);

    /**
     * @param factory makes a new run from the hyperparameters ({@link #FRESH} in the app)
     * @param shipped the store holding the shipped unified model, or null: no "continue from the shipped model"
     */
    public TrainViewModel(TaskRunner runner, Notifier notifier, Function<HyperParams, UnifiedTraining> factory, ModelStore shipped) {
        this.runner = runner;
        this.notifier = notifier;
        this.factory = factory;
        this.loads = new TrainLoads(runner, notifier, shipped, this::adopt, (why, startOver) -> {
            problem.set(why);
            if (startOver) {
                status.set(READY);
            }
        });
        this.exports = new TrainExports(runner, notifier, () -> training, () -> commands.canSaveProperty().get());
        this.spill = new TrainSpill(runner, state, status, () -> training, t -> training = t,
                why -> { hasModel.set(false); problem.set(why); status.set(READY); });
        this.hyperVm = new HyperParamsViewModel(() -> state.get() == State.IDLE, this::presetApplied);
        this.hyper = hyperVm.params();
        hyper.get("steps").valueProperty().addListener((o, a, b) -> {
            if (training == null) {
                monitor.totalSteps(b.longValue());
            }
        });
        // the quick preset is the default: the full-size model took ~25 minutes per run on a 2-core machine
        hyper.applyQuick();
        monitor.totalSteps(hyper.i("steps"));
        status.set(HyperParams.QUICK_STATUS);
    }

    // Commands //

    /**
     * Starts a run: a new one from the hyperparameters, or the loaded / stopped one where it left
     * off if it has steps to go.
     */
    public void start() {
        if (state.get() != State.IDLE) {
            return;
        }
        problem.clear();
        boolean continuing = training != null && !training.finished();
        UnifiedTraining existing = continuing ? training : null;
        if (!continuing) {
            monitor.clear();
        }
        TrainingControl ctl = controls.next();
        state.set(State.STARTING);
        status.set(continuing ? new I18n.Message("train.status.resuming", training.completedSteps())
                : new I18n.Message("train.status.building"));
        runner.submit(BackgroundTask.<RunEnd>of(I18n.tr("train.task.training"), ctx -> {
            UnifiedTraining t = existing != null ? existing : factory.apply(hyper);
            ctx.onUiThread(() -> attach(t));
            TrainingLoop.Outcome outcome = TrainingLoop.run(t, ctl,
                    new RunFeed(runner, ctx, ctl, t, monitor, state, status, problem, notifier));
            return RunEnd.of(outcome, t.completedSteps());
        }).onOwnThread("reflectlab-train")
                .onSuccess(end -> status.set(end.status()))
                .onFailure(e -> {
                    problem.set("train.problem.failed", String.valueOf(e.getMessage()));
                    notifier.error(I18n.tr("train.notify.failed"), String.valueOf(e.getMessage()));
                })
                .onCancelled(() -> status.set("train.status.cancelled"))
                .onFinished(() -> {
                    state.set(State.IDLE);
                    monitor.tiles().stopped();
                }));
    }

    private void presetApplied(I18n.Message message) {
        if (training != null) {
            reset();
        }
        monitor.totalSteps(hyper.i("steps"));
        status.set(message);
    }

    /**
     * Loads the shipped unified model as the start of a new run (fresh optimizer, a gentle learning
     * rate), shows its samples at once, and lets Start train it further.
     */
    public void continueFromShipped() {
        if (state.get() == State.IDLE && loads.shippedAvailable()) {
            status.set("train.status.loading-shipped");
            loads.shipped(hyper);
        }
    }

    /** Whether "continue from the shipped model" is offered. */
    public boolean canContinueFromShipped() {
        return loads.shippedAvailable();
    }

    private void attach(UnifiedTraining t) {
        training = t;
        hasModel.set(true);
        monitor.show(t, false);
        monitor.tiles().started(t.completedSteps());
        if (state.get() == State.STARTING) {
            state.set(controls.pausedAlready() ? State.PAUSED : State.RUNNING);
        }
        status.set("train.status.attached", t.model().params().count(), t.settings().batchSize());
    }

    /** Forgets the run: charts, tiles and model. The next Start begins from scratch. */
    public void reset() {
        if (state.get() != State.IDLE) {
            return;
        }
        training = null;
        hasModel.set(false);
        problem.clear();
        monitor.clear();
        monitor.totalSteps(hyper.i("steps"));
        status.set(READY);
    }

    /** Loads a checkpoint; Start then resumes it. The current run (if idle) is replaced. */
    public void loadCheckpoint(Path folder) {
        if (state.get() == State.IDLE) {
            loads.checkpoint(folder);
        }
    }

    /** Makes a loaded run the current one: its history drawn, its samples (if given) shown. */
    private void adopt(UnifiedTraining t, SamplePanel panel, I18n.Message message) {
        monitor.clear();
        training = t;
        hasModel.set(true);
        monitor.show(t, true);
        if (panel != null) {
            monitor.samples(panel);
        }
        problem.clear();
        status.set(message);
    }

    /** Keeps every hyperparameter across restarts (a refused stored value keeps the default); call before the view is built. */
    public void remember(Settings s) {
        hyperVm.remember(s);
        monitor.totalSteps(hyper.i("steps"));
    }

    // Parts and properties //

    /** The idle run put aside while the workspace is hidden and read back when it is shown ({@link TrainSpill}). */
    public org.reflectlab.ui.kit.Releasable spill() {
        return spill;
    }

    /** The hyperparameter sheet and its presets. */
    public HyperParamsViewModel hyper() {
        return hyperVm;
    }

    /** Step, charts, tiles and samples of the run. */
    public TrainMonitor monitor() {
        return monitor;
    }

    /** Checkpoints, the loss history as CSV, the loss chart as PNG. */
    public TrainExports exports() {
        return exports;
    }

    /** Pause, resume, stop and "lower the learning rate and resume" of the run in progress. */
    public RunControls controls() {
        return controls;
    }

    /** When Start, Pause, Resume, Stop, Reset and Save can run. */
    public TrainCommands commands() {
        return commands;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.text();
    }

    /** A problem the user must act on (a NaN, a failed load), or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.text();
    }

    public ReadOnlyBooleanProperty hasModelProperty() {
        return hasModel.getReadOnlyProperty();
    }
}
