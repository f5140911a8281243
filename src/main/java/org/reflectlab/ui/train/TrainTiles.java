package org.reflectlab.ui.train;

import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import org.reflectlab.core.train.UnifiedEval;

/**
 * The Train workspace's tile values: speed, loss, best caption accuracy, PSNR, elapsed time and
 * ETA. Changed on the UI thread only; the rate and ETA exist only while a run is going.
 */
public final class TrainTiles {

    private final ReadOnlyDoubleWrapper stepsPerSecond = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper samplesPerSecond = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper currentLoss = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper bestCaptionAccuracy = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper latestPsnr = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper elapsedSeconds = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper etaSeconds = new ReadOnlyDoubleWrapper(Double.NaN);

    private long startNanos;
    private long startStep;
    private double elapsedBefore;

    /** A run (or a resume) starts timing from here. */
    void started(long step) {
        startNanos = System.nanoTime();
        startStep = step;
        elapsedBefore = elapsedSeconds.get();
    }

    /** One step's news: the loss, and from the time since {@link #started}, the rate and what is left. */
    void tick(long step, double loss, long nanos, int batchSize, long totalSteps) {
        currentLoss.set(loss);
        double sec = (nanos - startNanos) / 1e9;
        double rate = sec > 0 ? (step - startStep) / sec : 0;
        stepsPerSecond.set(rate);
        samplesPerSecond.set(rate * batchSize);
        elapsedSeconds.set(elapsedBefore + sec);
        etaSeconds.set(rate > 0 ? (totalSteps - step) / rate : Double.NaN);
    }

    /** The run ended (finished, stopped or failed): no rate, and no time left to estimate. */
    void stopped() {
        elapsedBefore = elapsedSeconds.get();
        stepsPerSecond.set(0);
        samplesPerSecond.set(0);
        etaSeconds.set(Double.NaN);
    }

    void evals(List<Map.Entry<Long, Map<String, Double>>> batch) {
        for (Map.Entry<Long, Map<String, Double>> e : batch) {
            Double acc = e.getValue().get(UnifiedEval.CAPTION_ACCURACY);
            if (acc != null && (Double.isNaN(bestCaptionAccuracy.get()) || acc > bestCaptionAccuracy.get())) {
                bestCaptionAccuracy.set(acc);
            }
            Double psnr = e.getValue().get(UnifiedEval.PSNR);
            if (psnr != null) {
                latestPsnr.set(psnr);
            }
        }
    }

    void loss(double value) {
        currentLoss.set(value);
    }

    void reset() {
        currentLoss.set(Double.NaN);
        bestCaptionAccuracy.set(Double.NaN);
        latestPsnr.set(Double.NaN);
        elapsedSeconds.set(0);
        elapsedBefore = 0;
        etaSeconds.set(Double.NaN);
        stepsPerSecond.set(0);
        samplesPerSecond.set(0);
    }

    // Properties //

    public ReadOnlyDoubleProperty stepsPerSecondProperty() {
        return stepsPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty samplesPerSecondProperty() {
        return samplesPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty currentLossProperty() {
        return currentLoss.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty bestCaptionAccuracyProperty() {
        return bestCaptionAccuracy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty latestPsnrProperty() {
        return latestPsnr.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty elapsedSecondsProperty() {
        return elapsedSeconds.getReadOnlyProperty();
    }

    /** Seconds left while a run goes; NaN when nothing runs. */
    public ReadOnlyDoubleProperty etaSecondsProperty() {
        return etaSeconds.getReadOnlyProperty();
    }
}
