package org.reflectlab.ui.train;

import java.util.Map;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.reflectlab.core.concurrent.Batcher;
import org.reflectlab.core.concurrent.LatestValue;
import org.reflectlab.core.concurrent.TaskContext;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.train.SamplePanel;
import org.reflectlab.core.train.StepResult;
import org.reflectlab.core.train.TrainingControl;
import org.reflectlab.core.train.TrainingObserver;
import org.reflectlab.core.train.UnifiedTraining;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Notifier;
import org.reflectlab.ui.train.TrainViewModel.State;
import org.reflectlab.ui.kit.TextLine;

/**
 * A training run's news on its way to the {@link TrainMonitor}: steps and evaluations into the
 * charts' streams, coalesced scalars into the tiles (only the newest tick reaches the UI thread),
 * and a NaN (the run pauses) or a divergence (it ends) shown as a problem, on the UI thread.
 */
final class RunFeed implements TrainingObserver {

    private final TrainMonitor monitor;
    private final TaskContext ctx;
    private final TrainingControl control;
    private final UnifiedTraining training;
    private final LatestValue<TrainMonitor.Tick> ticks;
    private final LatestValue<SamplePanel> panels;
    private final Batcher<Map.Entry<Long, Map<String, Double>>> evals;
    private final ReadOnlyObjectWrapper<State> state;
    private final TextLine status;
    private final TextLine problem;
    private final Notifier notifier;

    RunFeed(TaskRunner runner, TaskContext ctx, TrainingControl control, UnifiedTraining training, TrainMonitor monitor,
            ReadOnlyObjectWrapper<State> state, TextLine status, TextLine problem, Notifier notifier) {
        this.state = state;
        this.status = status;
        this.problem = problem;
        this.notifier = notifier;
        this.monitor = monitor;
        this.ctx = ctx;
        this.control = control;
        this.training = training;
        this.ticks = new LatestValue<>(runner.uiExecutor(), t -> {
            if (state.get() != State.IDLE) { // a tick that arrives after the run ended must not bring back a rate or an ETA
                monitor.tick(t, training.settings().batchSize());
            }
        });
        this.panels = new LatestValue<>(runner.uiExecutor(), monitor::samples);
        this.evals = new Batcher<>(runner.uiExecutor(), monitor.tiles()::evals);
    }

    /** UI thread: a step's loss was not finite; the loop paused the run. */
    private void nonFinite(String message) {
        state.set(State.PAUSED);
        // the loop's own sentence (core, English) inside a translated frame
        problem.set("train.problem.non-finite", message);
        status.set("train.status.non-finite");
        notifier.error(I18n.tr("train.notify.paused"), I18n.tr("train.problem.non-finite", message));
    }

    /** UI thread: the run gave up after too many undone steps (the status follows from its {@link RunEnd}). */
    private void diverged(String message) {
        problem.set("train.problem.diverged", message);
        notifier.error(I18n.tr("train.notify.diverged"), I18n.tr("train.problem.diverged", message));
    }

    @Override
    public void onStep(StepResult r, long nanos) {
        if (ctx.isCancelled()) {
            control.stop();
        }
        monitor.charts().offerStep(r);
        ticks.offer(new TrainMonitor.Tick(r.iteration(), r.loss(), System.nanoTime()));
        ctx.progress(r.iteration(), training.settings().steps());
        ctx.message(I18n.tr("train.task.step", r.iteration(), training.settings().steps()));
    }

    @Override
    public void onEval(long k, Map<String, Double> m) {
        monitor.charts().offerEval(k, m);
        evals.add(Map.entry(k, m));
    }

    @Override
    public void onSamples(SamplePanel p) {
        panels.offer(p);
    }

    @Override
    public void onNonFinite(StepResult r, String message) {
        ctx.onUiThread(() -> nonFinite(message));
    }

    @Override
    public void onDiverged(StepResult r, String message) {
        ctx.onUiThread(() -> diverged(message));
    }
}
