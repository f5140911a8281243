package org.reflectlab.ui.reflect;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableValue;
import org.reflectlab.core.reflect.FixPrediction;
import org.reflectlab.core.reflect.ReflectionRun;
import org.reflectlab.ui.kit.PredictionInput;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.TextLine;
import org.reflectlab.ui.kit.Remembered;

/**
 * Predict, then reveal, for a reflection run: before Run the learner may say at which iteration the
 * judge will first call the image correct; a run that starts takes the prediction as it stands
 * (typing during the run changes the next run's, not this one's), and the finished run is laid
 * over it. The prediction stays with the run it was made for ({@link #predictionFor}), for the export.
 */
public final class FixPredictionViewModel {

    private final PredictionInput<FixPrediction> input;
    private final ReadOnlyObjectWrapper<FixPrediction> locked = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FixPrediction.Outcome> outcome = new ReadOnlyObjectWrapper<>();
    private final TextLine reveal = new TextLine(null);
    private ReflectionRun revealedRun;

    FixPredictionViewModel(ObservableIntegerValue k) {
        input = new PredictionInput<>(t -> FixPrediction.parse(t, k.get()));
        k.addListener((o, a, b) -> input.reparse());
    }

    /** Follows the workspace's runs: one starting takes the prediction, one finished reveals. */
    void follow(ObservableBooleanValue running, ObservableValue<ReflectionRun> lastRun) {
        running.addListener((o, a, on) -> {
            if (on) {
                started();
            }
        });
        lastRun.addListener((o, a, run) -> {
            if (run != null) {
                finished(run);
            }
        });
    }

    void started() {
        locked.set(input.value());
        outcome.set(null);
        revealedRun = null;
        reveal.set(locked.get() == null ? null : new I18n.Message("reflect.predict.running", describe(locked.get())));
    }

    void finished(ReflectionRun run) {
        if (locked.get() == null) {
            reveal.set("reflect.predict.none");
            return;
        }
        FixPrediction.Outcome o = locked.get().against(run);
        revealedRun = run;
        outcome.set(o);
        reveal.set(I18n.Message.of(FixPrediction.reveal(o)));
    }

    private static I18n.Message describe(FixPrediction p) {
        return p.iteration() == FixPrediction.NEVER ? new I18n.Message("reflect.predict.never")
                : new I18n.Message("reflect.predict.at", p.iteration());
    }

    /** The prediction the run was started with, or null (none, or another run). */
    public FixPrediction predictionFor(ReflectionRun run) {
        return run != null && run == revealedRun ? locked.get() : null;
    }

    // Properties //

    /** The text box: "3" or "never". */
    public PredictionInput<FixPrediction> input() {
        return input;
    }

    /** The prediction the current (or last) run was started with; null if it had none. */
    public ReadOnlyObjectProperty<FixPrediction> lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    /** The judge's verdicts laid over the prediction, after a run with a prediction. */
    public ReadOnlyObjectProperty<FixPrediction.Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty revealProperty() {
        return reveal.text();
    }

    void remember(Remembered r) {
        input.remember(r, "prediction");
    }
}
