package org.reflectlab.ui.world;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.core.world.Comparison;
import org.reflectlab.core.world.EndPrediction;
import org.reflectlab.core.world.ModelKind;
import org.reflectlab.core.world.Perception;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.PredictionInput;
import org.reflectlab.ui.kit.Remembered;

/**
 * Predict, then reveal, for a rollout: the learner says (typed, or by a click on the frame) where
 * the orange ball will be at the last frame, then reveals; where the truth and each model put it is
 * laid over the guess. The reveal belongs to the rollout it was made on: a re-blend (alpha) keeps
 * it, a new rollout (seed, balls, pushes, horizon) clears it and keeps the typed guess.
 */
public final class EndPredictionViewModel {

    private final ObservableValue<Comparison> comparison;
    private final int frameSize;
    private final PredictionInput<EndPrediction> input = new PredictionInput<>(EndPrediction::parse);
    private final ReadOnlyObjectWrapper<EndPrediction.Outcome> outcome = new ReadOnlyObjectWrapper<>();
    // a message, so the reveal on screen follows a language switch
    private final SimpleObjectProperty<I18n.Message> revealMessage = new SimpleObjectProperty<>(I18n.Message.literal(""));
    private final ReadOnlyStringWrapper reveal = new ReadOnlyStringWrapper("");
    private final BooleanBinding canReveal;
    private Comparison revealedOn;

    EndPredictionViewModel(ObservableValue<Comparison> comparison, int frameSize) {
        this.comparison = comparison;
        this.frameSize = frameSize;
        reveal.bind(I18n.textOf(revealMessage));
        canReveal = Bindings.createBooleanBinding(() -> input.value() != null && comparison.getValue() != null, input.valueProperty(),
                comparison);
        comparison.addListener((o, a, c) -> rolloutChanged(c));
        input.valueProperty().addListener((o, a, b) -> {
            if (outcome.get() != null && b != null && !b.equals(outcome.get().predicted())) {
                clear(new I18n.Message("world.predict.changed"));
            }
        });
    }

    /** A click on a frame at (fx, fy), each 0..1 across and down, becomes the typed guess. */
    public void guessAt(double fx, double fy) {
        input.textProperty().set(String.format(Locale.ROOT, "%.2f, %.2f", clamp(fx), clamp(fy)));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** Compares the guess with the current rollout's last frame (every sequence's). */
    public void reveal() {
        Comparison c = comparison.getValue();
        EndPrediction p = input.value();
        if (c == null || p == null) {
            revealMessage.set(new I18n.Message(p == null ? "world.predict.first" : "world.predict.wait"));
            return;
        }
        revealedOn = c;
        outcome.set(p.against(c));
        revealMessage.set(revealOf(outcome.get(), frameSize));
    }

    /** What the reveal says: the guess, where the true ball is, and where each model put it (as EndPrediction.reveal, translated). */
    static I18n.Message revealOf(EndPrediction.Outcome o, int frameSize) {
        Perception.Detection truth = o.seen().get(ModelKind.TRUTH);
        I18n.Message truthPart = truth == null ? new I18n.Message("world.reveal.truth.none")
                : new I18n.Message("world.reveal.truth", truth.x(), truth.y(), o.miss(ModelKind.TRUTH), o.miss(ModelKind.TRUTH) * frameSize);
        I18n.Message models = null;
        for (ModelKind k : new ModelKind[] {ModelKind.HYBRID, ModelKind.IMPLICIT, ModelKind.EXPLICIT}) {
            if (!o.seen().containsKey(k)) {
                continue;
            }
            Perception.Detection d = o.seen().get(k);
            I18n.Message name = WorldTexts.series(k);
            I18n.Message one = d == null ? new I18n.Message("world.reveal.model.lost", name)
                    : truth == null ? new I18n.Message("world.reveal.model", name, d.x(), d.y())
                    : new I18n.Message("world.reveal.model.off", name, d.x(), d.y(), Math.hypot(d.x() - truth.x(), d.y() - truth.y()));
            // built from the last: "explicit; implicit; hybrid" as nested pairs, one pattern per language
            models = models == null ? one : new I18n.Message("world.list.join", one, models);
        }
        return new I18n.Message("world.reveal", o.predicted().x(), o.predicted().y(), o.frame(), truthPart,
                models == null ? I18n.Message.literal("") : new I18n.Message("world.reveal.models", models));
    }

    private void rolloutChanged(Comparison c) {
        if (revealedOn == null) {
            return;
        }
        if (c != null && c.spec().equals(revealedOn.spec())) {
            reveal(); // the same rollout re-blended: the hybrid's answer moved, the truth did not
        } else {
            clear(new I18n.Message("world.predict.new-rollout"));
        }
    }

    private void clear(I18n.Message why) {
        revealedOn = null;
        outcome.set(null);
        revealMessage.set(why);
    }

    // Properties //

    public PredictionInput<EndPrediction> input() {
        return input;
    }

    public BooleanBinding canRevealProperty() {
        return canReveal;
    }

    /** Where each sequence put the ball at the last frame, laid over the guess; null before a reveal. */
    public ReadOnlyObjectProperty<EndPrediction.Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty revealProperty() {
        return reveal.getReadOnlyProperty();
    }

    void remember(Settings s) {
        input.remember(new Remembered(s, "world"), "prediction");
    }
}
