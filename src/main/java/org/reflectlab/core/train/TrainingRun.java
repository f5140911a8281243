package org.reflectlab.core.train;

import java.util.function.BiFunction;

/**
 * What every training run shares, written once: its model, settings, learning-rate schedule,
 * optimizer and loss history, and how far it got. The unified model's and the world model's
 * runs add their own data, evaluation and saving.
 *
 * @param <M> the model being trained
 */
public abstract class TrainingRun<M> {

    /** The schedule's floor, as a fraction of the peak learning rate. */
    private static final double FINAL_LR_FRACTION = 0.05;

    protected final M model;
    protected final TrainSettings settings;
    protected final WarmupCosine schedule;
    protected final StepTrainer trainer;
    protected final LossHistory history;

    /** @param trainer builds the optimizer for the model on the run's schedule */
    protected TrainingRun(M model, TrainSettings settings, LossHistory history,
                          BiFunction<? super M, WarmupCosine, ? extends StepTrainer> trainer) {
        this.model = model;
        this.settings = settings;
        this.history = history;
        this.schedule = new WarmupCosine(settings.learningRate(), settings.warmupSteps(), settings.steps(), FINAL_LR_FRACTION);
        this.trainer = trainer.apply(model, schedule);
    }

    public M model() {
        return model;
    }

    public TrainSettings settings() {
        return settings;
    }

    public LossHistory history() {
        return history;
    }

    /** Steps completed so far. */
    public long completedSteps() {
        return trainer.iteration();
    }

    public boolean finished() {
        return completedSteps() >= settings.steps();
    }
}
