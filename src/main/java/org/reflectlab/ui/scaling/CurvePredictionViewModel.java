package org.reflectlab.ui.scaling;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.scaling.CurvePrediction;
import org.reflectlab.core.scaling.Method;
import org.reflectlab.ui.kit.PredictionInput;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.TextLine;
import org.reflectlab.ui.kit.Remembered;

/**
 * Predict, then reveal, for a sweep: before Run the learner may type one method's scores per K. A
 * sweep that starts takes the prediction as it stands; once the sweep's folder exists it is written
 * there ({@link CurvePrediction#FILE}), unless the sweep already holds one (a resumed sweep keeps
 * the guess made before it first ran). Whichever stored sweep is shown, its own prediction is read
 * back and laid under the measured curve, with the misses per K.
 */
public final class CurvePredictionViewModel {

    private final ObjectProperty<Method> method = new SimpleObjectProperty<>(Method.REFLECT);
    private final PredictionInput<CurvePrediction> input = new PredictionInput<>(t -> CurvePrediction.parse(method.get(), t));
    private final ReadOnlyObjectWrapper<CurvePrediction> shown = new ReadOnlyObjectWrapper<>();
    private final TextLine reveal = new TextLine(null);
    private TaskRunner runner;
    private CurvePrediction pending;
    private String pendingName;
    private long generation;

    CurvePredictionViewModel() {
        method.addListener((o, a, b) -> input.reparse());
    }

    /** Follows the workspace: a sweep starting takes the prediction; the sweep shown brings its own back. */
    void follow(TaskRunner tasks, ObservableBooleanValue running, java.util.function.Supplier<String> sweepName,
                ObservableValue<StoredSweeps.Run> current) {
        this.runner = tasks;
        running.addListener((o, a, on) -> {
            if (on) {
                pending = input.value();
                pendingName = sweepName.get();
            }
        });
        current.addListener((o, a, run) -> show(run));
    }

    private void show(StoredSweeps.Run run) {
        long gen = ++generation;
        if (run == null) {
            shown.set(null);
            reveal.clear();
            return;
        }
        CurvePrediction mine = run.store().name().equals(pendingName) ? pending : null;
        runner.submit(BackgroundTask.of(I18n.tr("scaling.task.read-prediction"), ctx -> {
            CurvePrediction stored = CurvePrediction.read(run.store().dir());
            if (stored == null && mine != null) {
                mine.write(run.store().dir());
                return mine;
            }
            return stored;
        }).hiddenFromTaskList().onSuccess(p -> {
            if (gen == generation) {
                shown.set(p);
                // the reveal is core's sentence (English); "no prediction" is ours
                reveal.set(p == null ? new I18n.Message("scaling.predict.none") : I18n.Message.of(p.reveal(run.analysis())));
            }
        }).onFailure(e -> {
            if (gen == generation) {
                shown.set(null);
                reveal.set("scaling.predict.unreadable", String.valueOf(e.getMessage()));
            }
        }));
    }

    // Properties //

    /** The method the typed scores are for (Reflect-DiT unless chosen). */
    public ObjectProperty<Method> methodProperty() {
        return method;
    }

    /** The text box: "1: 0.4, 4: 0.55, 20: 0.7". */
    public PredictionInput<CurvePrediction> input() {
        return input;
    }

    /** The prediction stored with the sweep shown, or null. */
    public ReadOnlyObjectProperty<CurvePrediction> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty revealProperty() {
        return reveal.text();
    }

    void remember(Remembered r) {
        input.remember(r, "prediction");
        r.value("predictionMethod", method, text -> java.util.Arrays.stream(Method.values()).filter(m -> m.name().equals(text))
                .findFirst().orElse(null), I18n.tr("scaling.remembered.one-of", java.util.Arrays.toString(Method.values())));
    }
}
