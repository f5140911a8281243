package org.reflectlab.ui.train;

import java.util.Map;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.train.SamplePanel;
import org.reflectlab.core.train.TrainSettings;
import org.reflectlab.core.train.UnifiedModelIO;
import org.reflectlab.core.train.UnifiedTraining;
import org.reflectlab.ui.kit.I18n;

/**
 * "Continue from the shipped model": the shipped unified model as the start of a new run, with a
 * fresh optimizer and a gentle learning rate, its samples shown at once.
 */
final class ContinueFromShipped {

    /** A tenth of the shipped run's peak: enough to move, not enough to undo what it learned. */
    static final double LEARNING_RATE = 0.00015;

    private final ModelStore shipped;

    /** {@code shipped} holds the shipped unified model, or is null (then nothing is offered). */
    ContinueFromShipped(ModelStore shipped) {
        this.shipped = shipped;
    }

    boolean available() {
        return shipped != null;
    }

    /** Sets the gentle learning rate and warm-up on the sheet; the task loads the model and its samples off the FX thread. */
    BackgroundTask<Map.Entry<UnifiedTraining, SamplePanel>> load(HyperParams hyper) {
        hyper.get("learningRate").valueProperty().set(LEARNING_RATE);
        hyper.get("warmup").valueProperty().set(20L);
        TrainSettings s = hyper.toSettings();
        return BackgroundTask.of(I18n.tr("train.task.load-shipped"), ctx -> {
            UnifiedTraining t = UnifiedTraining.continueFrom(shipped, UnifiedModelIO.DEFAULT_NAME, s);
            return Map.entry(t, t.samples());
        });
    }

    static I18n.Message loaded(UnifiedTraining t) {
        return new I18n.Message("train.status.loaded-shipped", t.model().params().count(), 8000, t.settings().steps(),
                String.valueOf(LEARNING_RATE));
    }
}
