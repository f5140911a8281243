package org.reflectlab.core.train;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Steps a model one batch at a time with Adam and never leaves non-finite weights behind; its
 * optimizer state ("parameter/M", "parameter/V") can be saved and loaded, the same keys whichever
 * implementation wrote them, so a checkpoint resumes on either.
 */
public interface StepTrainer {

    StepResult step(MultiDataSet batch);

    long iteration();

    /**
     * From now on, a finite loss above {@code factor} times the running average of accepted losses
     * counts as a divergence too: the step is undone as for a NaN (0: off, the default).
     */
    void guardExplosions(double factor);

    /** The running average (EMA) of accepted losses, NaN before the first. */
    double runningLoss();

    double learningRate();

    /** Adam's moment arrays by "variable/key", live (not copies). Empty before the first step. */
    Map<String, INDArray> updaterState();

    /** Copies of the optimizer state, for a checkpoint. */
    Map<String, INDArray> saveState();

    /** Puts a checkpoint's optimizer state and step count back (before the next step). */
    void loadState(Map<String, INDArray> state, long iteration);
}
