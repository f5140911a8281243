package org.reflectlab.ui.world;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.core.world.Comparison;
import org.reflectlab.core.world.EndPrediction;
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
    private final ReadOnlyStringWrapper reveal = new ReadOnlyStringWrapper("");
    private final BooleanBinding canReveal;
    private Comparison revealedOn;

    EndPredictionViewModel(ObservableValue<Comparison> comparison, int frameSize) {
        this.comparison = comparison;
        this.frameSize = frameSize;
        canReveal = Bindings.createBooleanBinding(() -> input.value() != null && comparison.getValue() != null, input.valueProperty(),
                comparison);
        comparison.addListener((o, a, c) -> rolloutChanged(c));
        input.valueProperty().addListener((o, a, b) -> {
            if (outcome.get() != null && b != null && !b.equals(outcome.get().predicted())) {
                clear("Your guess changed: press Reveal to compare it.");
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
            reveal.set(p == null ? "Type or click a guess first." : "Wait for the rollout.");
            return;
        }
        revealedOn = c;
        outcome.set(p.against(c));
        reveal.set(EndPrediction.reveal(outcome.get(), frameSize));
    }

    private void rolloutChanged(Comparison c) {
        if (revealedOn == null) {
            return;
        }
        if (c != null && c.spec().equals(revealedOn.spec())) {
            reveal(); // the same rollout re-blended: the hybrid's answer moved, the truth did not
        } else {
            clear("A new rollout: your guess is kept; look at frame 0, adjust it, and press Reveal.");
        }
    }

    private void clear(String why) {
        revealedOn = null;
        outcome.set(null);
        reveal.set(why);
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
