package org.reflectlab.ui.train;

import java.util.Map;
import org.reflectlab.core.concurrent.Batcher;
import org.reflectlab.core.concurrent.LatestValue;
import org.reflectlab.core.concurrent.TaskContext;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.train.SamplePanel;
import org.reflectlab.core.train.StepResult;
import org.reflectlab.core.train.TrainingControl;
import org.reflectlab.core.train.TrainingObserver;
import org.reflectlab.core.train.UnifiedTraining;

/**
 * A training run's news on its way to the {@link TrainMonitor}: steps and evaluations into the
 * charts' streams, coalesced scalars into the tiles (only the newest tick reaches the UI thread),
 * and a NaN or a divergence handed to the ViewModel on the UI thread.
 */
abstract class RunFeed implements TrainingObserver {

    private final TrainMonitor monitor;
    private final TaskContext ctx;
    private final TrainingControl control;
    private final UnifiedTraining training;
    private final LatestValue<TrainMonitor.Tick> ticks;
    private final LatestValue<SamplePanel> panels;
    private final Batcher<Map.Entry<Long, Map<String, Double>>> evals;

    RunFeed(TaskRunner runner, TrainMonitor monitor, TaskContext ctx, TrainingControl control, UnifiedTraining training) {
        this.monitor = monitor;
        this.ctx = ctx;
        this.control = control;
        this.training = training;
        this.ticks = new LatestValue<>(runner.uiExecutor(), t -> {
            if (!idle()) { // a tick that arrives after the run ended must not bring back a rate or an ETA
                monitor.tick(t, training.settings().batchSize());
            }
        });
        this.panels = new LatestValue<>(runner.uiExecutor(), monitor::samples);
        this.evals = new Batcher<>(runner.uiExecutor(), monitor.tiles()::evals);
    }

    /** UI thread: a step's loss was not finite; the loop paused the run. */
    abstract void nonFinite(String message);

    /** UI thread: the run gave up after too many undone steps. */
    abstract void diverged(String message);

    /** UI thread: whether the run is over (late ticks are dropped then). */
    abstract boolean idle();

    @Override
    public void onStep(StepResult r, long nanos) {
        if (ctx.isCancelled()) {
            control.stop();
        }
        monitor.charts().offerStep(r);
        ticks.offer(new TrainMonitor.Tick(r.iteration(), r.loss(), System.nanoTime()));
        ctx.progress(r.iteration(), training.settings().steps());
        ctx.message("step " + r.iteration() + " of " + training.settings().steps());
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
