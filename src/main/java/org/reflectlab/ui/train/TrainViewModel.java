package org.reflectlab.ui.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.Batcher;
import org.reflectlab.core.concurrent.LatestValue;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.train.SamplePanel;
import org.reflectlab.core.train.StepResult;
import org.reflectlab.core.train.TrainingControl;
import org.reflectlab.core.train.TrainingLoop;
import org.reflectlab.core.train.TrainingObserver;
import org.reflectlab.core.train.UnifiedTraining;
import org.reflectlab.ui.kit.Notifier;
import org.reflectlab.ui.kit.PointStream;

/**
 * The Train workspace: hyperparameters, the start / pause / resume / stop / reset state machine
 * around a training run on its own thread, live metrics (as point streams for the charts and
 * coalesced scalars for the tiles), checkpoints and exports.
 */
public final class TrainViewModel {

    public enum State { IDLE, STARTING, RUNNING, PAUSED, STOPPING }

    private final TaskRunner runner;
    private final Notifier notifier;
    private final HyperParams hyper = new HyperParams();
    private final Function<HyperParams, UnifiedTraining> factory;

    // Properties //
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Set the hyperparameters and press Start.");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper paramError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasModel = new ReadOnlyBooleanWrapper();
    private final ReadOnlyLongWrapper step = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper totalSteps = new ReadOnlyLongWrapper(hyper.i("steps"));
    private final ReadOnlyObjectWrapper<SamplePanel> samples = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper resets = new ReadOnlyLongWrapper();

    private final TrainCharts charts = new TrainCharts();
    private final TrainTiles tiles = new TrainTiles();
    private final TrainExports exports;
    private final ContinueFromShipped shipped;

    // Commands' executability //
    private final BooleanBinding canStart;
    private final BooleanBinding canPause;
    private final BooleanBinding canResume;
    private final BooleanBinding canStop;
    private final BooleanBinding canReset;
    private final BooleanBinding canSave;

    private UnifiedTraining training;
    private TrainingControl control;

    public TrainViewModel(TaskRunner runner, Notifier notifier) {
        this(runner, notifier, hp -> UnifiedTraining.fresh(hp.toConfig(), hp.toSettings()), null);
    }

    /** The app's: fresh runs from the hyperparameters, and "continue from the shipped model" from this store. */
    public TrainViewModel(TaskRunner runner, Notifier notifier, ModelStore shipped) {
        this(runner, notifier, hp -> UnifiedTraining.fresh(hp.toConfig(), hp.toSettings()), shipped);
    }

    /** With a factory for the run (tests use a tiny model). */
    public TrainViewModel(TaskRunner runner, Notifier notifier, Function<HyperParams, UnifiedTraining> factory) {
        this(runner, notifier, factory, null);
    }

    /** With a factory for the run and a store holding the shipped unified model (or null: no "continue"). */
    public TrainViewModel(TaskRunner runner, Notifier notifier, Function<HyperParams, UnifiedTraining> factory, ModelStore shipped) {
        this.runner = runner;
        this.notifier = notifier;
        this.factory = factory;
        this.shipped = new ContinueFromShipped(shipped);
        this.exports = new TrainExports(runner, notifier);
        canStart = state.isEqualTo(State.IDLE);
        canPause = state.isEqualTo(State.RUNNING);
        canResume = state.isEqualTo(State.PAUSED);
        canStop = state.isEqualTo(State.RUNNING).or(state.isEqualTo(State.PAUSED));
        canReset = state.isEqualTo(State.IDLE).and(hasModel);
        canSave = state.isEqualTo(State.IDLE).or(state.isEqualTo(State.PAUSED)).and(hasModel);
        hyper.get("steps").valueProperty().addListener((o, a, b) -> {
            if (training == null) {
                totalSteps.set(b.longValue());
            }
        });
        // the quick preset is the default: the full-size model took ~25 minutes per run on a 2-core machine
        hyper.applyQuick();
        totalSteps.set(hyper.i("steps"));
        status.set(HyperParams.QUICK_STATUS);
    }

    // Properties //

    public HyperParams hyperParams() {
        return hyper;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** A problem the user must act on (a NaN, a failed load), or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Why the last hyperparameter edit was refused, or "". */
    public ReadOnlyStringProperty paramErrorProperty() {
        return paramError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasModelProperty() {
        return hasModel.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalStepsProperty() {
        return totalSteps.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SamplePanel> samplesProperty() {
        return samples.getReadOnlyProperty();
    }

    /** Increments on Reset, so views clear their charts. */
    public ReadOnlyLongProperty resetsProperty() {
        return resets.getReadOnlyProperty();
    }

    /** Speed, loss, accuracy, PSNR, elapsed time and ETA for the tiles. */
    public TrainTiles tiles() {
        return tiles;
    }

    public Map<String, PointStream> lossStreams() {
        return charts.losses();
    }

    public Map<String, PointStream> qualityStreams() {
        return charts.quality();
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

    // Commands //

    /** Edits a hyperparameter; an out-of-range value is refused with a message. */
    public boolean setHyperParam(String key, Number value) {
        if (state.get() != State.IDLE) {
            paramError.set("Hyperparameters are fixed while a run is in progress; stop it first.");
            return false;
        }
        Optional<String> error = hyper.trySet(key, value);
        paramError.set(error.orElse(""));
        return error.isEmpty();
    }

    /**
     * Starts a run: a new one from the hyperparameters, or the loaded / stopped one where it left
     * off if it has steps to go.
     */
    public void start() {
        if (state.get() != State.IDLE) {
            return;
        }
        problem.set("");
        boolean continuing = training != null && !training.finished();
        UnifiedTraining existing = continuing ? training : null;
        if (!continuing) {
            resetMetrics();
        }
        control = new TrainingControl();
        TrainingControl ctl = control;
        state.set(State.STARTING);
        status.set(continuing ? "Resuming at step " + training.completedSteps() + "…" : "Building the model…");
        LatestValue<Tick> ticks = new LatestValue<>(runner.uiExecutor(), this::showTick);
        LatestValue<SamplePanel> panels = new LatestValue<>(runner.uiExecutor(), samples::set);
        Batcher<Map.Entry<Long, Map<String, Double>>> evals = new Batcher<>(runner.uiExecutor(), tiles::evals);
        runner.submit(BackgroundTask.<UnifiedTraining>of("Training the unified model", ctx -> {
            UnifiedTraining t = existing != null ? existing : factory.apply(hyper);
            ctx.onUiThread(() -> attach(t));
            TrainingLoop.run(t, ctl, new TrainingObserver() {
                @Override
                public void onStep(StepResult r, long nanos) {
                    if (ctx.isCancelled()) {
                        ctl.stop();
                    }
                    charts.offerStep(r);
                    ticks.offer(new Tick(r.iteration(), r.loss(), System.nanoTime()));
                    ctx.progress(r.iteration(), t.settings().steps());
                    ctx.message("step " + r.iteration() + " of " + t.settings().steps());
                }

                @Override
                public void onEval(long k, Map<String, Double> m) {
                    charts.offerEval(k, m);
                    evals.add(Map.entry(k, m));
                }

                @Override
                public void onSamples(SamplePanel p) {
                    panels.offer(p);
                }

                @Override
                public void onNonFinite(StepResult r, String message) {
                    ctx.onUiThread(() -> reportNonFinite(message));
                }

                @Override
                public void onDiverged(StepResult r, String message) {
                    ctx.onUiThread(() -> {
                        problem.set(message);
                        notifier.error("Training diverged", message);
                    });
                }
            });
            return t;
        }).onOwnThread("reflectlab-train")
                .onSuccess(t -> status.set(t.finished()
                        ? String.format(Locale.ROOT, "Finished %d steps. Save the model, or Reset to start over.", t.completedSteps())
                        : problem.get().startsWith("Training diverged")
                        ? "Stopped: training diverged. Reset, lower the learning rate and start again."
                        : "Stopped at step " + t.completedSteps() + ". Start continues from here; Reset starts over."))
                .onFailure(e -> {
                    problem.set("Training failed: " + e.getMessage());
                    notifier.error("Training failed", String.valueOf(e.getMessage()));
                })
                .onCancelled(() -> status.set("Stopped."))
                .onFinished(() -> {
                    state.set(State.IDLE);
                    tiles.stopped();
                }));
    }

    /** Sets the quick preset (see {@link HyperParams#applyQuick()}); a new run starts from it. */
    public void applyQuickPreset() {
        applyPreset(hyper::applyQuick, HyperParams.QUICK_STATUS);
    }

    /** Sets the full-size model's hyperparameters (the shipped model's architecture); a new run starts from them. */
    public void applyFullPreset() {
        applyPreset(hyper::applyDefaults, HyperParams.FULL_STATUS);
    }

    private void applyPreset(Runnable preset, String message) {
        if (state.get() != State.IDLE) {
            return;
        }
        preset.run();
        paramError.set("");
        if (training != null) {
            reset();
        }
        totalSteps.set(hyper.i("steps"));
        status.set(message);
    }

    /**
     * Loads the shipped unified model as the start of a new run (fresh optimizer, a gentle learning
     * rate), shows its samples at once, and lets Start train it further.
     */
    public void continueFromShipped() {
        if (state.get() != State.IDLE || !shipped.available()) {
            return;
        }
        status.set("Loading the shipped model…");
        runner.submit(shipped.load(hyper).onSuccess(loaded -> {
            UnifiedTraining t = loaded.getKey();
            hyper.takeModel(t.model().config());
            adopt(t, loaded.getValue(), ContinueFromShipped.loaded(t));
        }).onFailure(e -> {
            problem.set("Could not load the shipped model: " + e.getMessage());
            status.set("Set the hyperparameters and press Start.");
        }));
    }

    /** Whether "continue from the shipped model" is offered. */
    public boolean canContinueFromShipped() {
        return shipped.available();
    }

    private void attach(UnifiedTraining t) {
        training = t;
        hasModel.set(true);
        totalSteps.set(t.settings().steps());
        step.set(t.completedSteps());
        tiles.started(t.completedSteps());
        if (state.get() == State.STARTING) {
            state.set(control.isPaused() ? State.PAUSED : State.RUNNING);
        }
        status.set(String.format(Locale.ROOT, "Training %,d parameters on %d samples per step.",
                t.model().params().count(), t.settings().batchSize()));
    }

    public void pause() {
        if (control != null && (state.get() == State.RUNNING || state.get() == State.STARTING)) {
            control.pause();
            state.set(State.PAUSED);
            status.set("Paused after the current step. Resume to continue.");
        }
    }

    public void resume() {
        if (control != null && state.get() == State.PAUSED) {
            problem.set("");
            tiles.started(step.get());
            state.set(State.RUNNING);
            status.set("Training…");
            control.resume();
        }
    }

    /** Pause and resume as one key. */
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
            status.set("Stopping after the current step…");
            control.stop();
        }
    }

    /** After a NaN: a third of the learning rate from the next step, and carry on. */
    public void lowerLearningRateAndResume() {
        if (training != null && state.get() == State.PAUSED) {
            training.scaleLearningRate(1.0 / 3);
            resume();
        }
    }

    /** Forgets the run: charts, tiles and model. The next Start begins from scratch. */
    public void reset() {
        if (state.get() != State.IDLE) {
            return;
        }
        training = null;
        hasModel.set(false);
        problem.set("");
        resetMetrics();
        totalSteps.set(hyper.i("steps"));
        status.set("Set the hyperparameters and press Start.");
    }

    private void resetMetrics() {
        charts.clear();
        step.set(0);
        tiles.reset();
        samples.set(null);
        resets.set(resets.get() + 1);
    }

    /** Saves weights, optimizer state and history as a resumable checkpoint. */
    public void saveCheckpoint(Path folder) {
        if (training != null && canSave.get()) {
            exports.saveCheckpoint(training, folder);
        }
    }

    /** Loads a checkpoint; Start then resumes it. The current run (if idle) is replaced. */
    public void loadCheckpoint(Path folder) {
        if (state.get() != State.IDLE) {
            return;
        }
        ModelStore store = new ModelStore(folder.toAbsolutePath().getParent());
        String name = folder.getFileName().toString();
        runner.submit(BackgroundTask.of("Loading checkpoint " + name, ctx -> UnifiedTraining.resume(store, name))
                .onSuccess(t -> adopt(t, null, t.finished() ? "Loaded a finished run of " + t.completedSteps() + " steps."
                        : "Loaded checkpoint at step " + t.completedSteps() + " of " + t.settings().steps() + ". Start resumes it."))
                .onFailure(e -> {
                    problem.set("Could not load the checkpoint: " + e.getMessage());
                    notifier.error("Checkpoint not loaded", String.valueOf(e.getMessage()));
                }));
    }

    /** Makes a loaded run the current one: its history drawn, its samples (if given) shown. */
    private void adopt(UnifiedTraining t, SamplePanel panel, String message) {
        resetMetrics();
        training = t;
        hasModel.set(true);
        totalSteps.set(t.settings().steps());
        step.set(t.completedSteps());
        replayHistory(t);
        if (panel != null) {
            samples.set(panel);
        }
        problem.set("");
        status.set(message);
    }

    /** Writes every step's losses and every evaluation as CSV. */
    public void exportCsv(Path file) {
        exports.csv(training, file);
    }

    /** Writes an image captured by the view (e.g. the loss chart) in the background. */
    public void exportImage(org.reflectlab.core.data.RgbImage image, Path file) {
        exports.image(image, file);
    }

    // Feeding the views //

    /** Scalars the tiles show, coalesced: only the newest reaches the UI thread. */
    private record Tick(long step, double loss, long nanos) {
    }

    private void showTick(Tick t) {
        if (state.get() == State.IDLE) {
            return; // a tick that arrives after the run ended must not bring back a rate or an ETA
        }
        step.set(t.step());
        tiles.tick(t.step(), t.loss(), t.nanos(), training == null ? 0 : training.settings().batchSize(), totalSteps.get());
    }

    /** A loaded checkpoint's history, drawn as if it had just been trained. */
    private void replayHistory(UnifiedTraining t) {
        var h = t.history();
        charts.replay(h);
        tiles.evals(List.copyOf(h.evals().entrySet()));
        if (h.size() > 0) {
            tiles.loss(h.value(0, h.size() - 1));
        }
    }

    private void reportNonFinite(String message) {
        state.set(State.PAUSED);
        problem.set(message);
        status.set("Paused: the loss is not finite.");
        notifier.error("Training paused", message);
    }

    /** Keeps every hyperparameter across restarts (a refused stored value keeps the default); call before the view is built. */
    public void remember(org.reflectlab.core.settings.Settings s) {
        org.reflectlab.ui.kit.Remembered r = new org.reflectlab.ui.kit.Remembered(s, "train");
        for (HyperParams.Param p : hyper.all()) {
            r.value(p.key(), p.valueProperty(), text -> p.integer() ? (Number) Long.valueOf(text) : (Number) Double.valueOf(text),
                    v -> setHyperParam(p.key(), v), "must be " + p.range());
        }
        paramError.set("");
        totalSteps.set(hyper.i("steps"));
    }
}
