package org.reflectlab.ui.reflect;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.data.ParseError;
import org.reflectlab.core.data.ParseResult;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.reflect.ReflectSettings;
import org.reflectlab.core.settings.Range;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.ui.kit.Remembered;

/** Reflect's toolbar: the prompt with its parse error, and the run settings (K, seed, steps, context, guidance). */
public final class ReflectFormViewModel {

    /** What the controls accept; remembered values go through the same ranges. */
    public static final Range K_RANGE = Range.ints(1, ReflectSettings.MAX_K);
    public static final Range SEED_RANGE = Range.ints(1, 999_999);
    public static final Range STEPS_RANGE = Range.ints(1, 50);
    public static final Range CONTEXT_RANGE = Range.ints(1, 3);
    public static final Range GUIDANCE_RANGE = Range.reals(1, 6);

    // Properties //
    private final StringProperty prompt = new SimpleStringProperty("a red circle left of a blue square");
    private final ReadOnlyObjectWrapper<ParseError> promptError = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty k = new SimpleIntegerProperty(10);
    private final IntegerProperty seed = new SimpleIntegerProperty(1);
    private final IntegerProperty samplingSteps = new SimpleIntegerProperty(8);
    private final IntegerProperty contextSize = new SimpleIntegerProperty(3);
    private final DoubleProperty guidance = new SimpleDoubleProperty(ReflectSettings.DEFAULT_GUIDANCE);
    private final BooleanProperty earlyStop = new SimpleBooleanProperty(true);
    private final BooleanProperty compare = new SimpleBooleanProperty(true);
    private final FixPredictionViewModel prediction = new FixPredictionViewModel(k);

    ReflectFormViewModel() {
        prompt.addListener((o, a, b) -> validate());
        validate();
    }

    public StringProperty promptProperty() {
        return prompt;
    }

    public ReadOnlyObjectProperty<ParseError> promptErrorProperty() {
        return promptError.getReadOnlyProperty();
    }

    public IntegerProperty kProperty() {
        return k;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public IntegerProperty samplingStepsProperty() {
        return samplingSteps;
    }

    public IntegerProperty contextSizeProperty() {
        return contextSize;
    }

    /** Classifier-free guidance scale (1 = none; otherwise a step costs two network evaluations). */
    public DoubleProperty guidanceProperty() {
        return guidance;
    }

    public BooleanProperty earlyStopProperty() {
        return earlyStop;
    }

    /** Also run best-of-K with the same prompt and seed, for the side-by-side. */
    public BooleanProperty compareProperty() {
        return compare;
    }

    /** The learner's guess at the iteration that fixes the image, taken when a run starts. */
    public FixPredictionViewModel prediction() {
        return prediction;
    }

    /** The settings as set; throws IllegalArgumentException with the reason when they are not valid. */
    ReflectSettings settings() {
        return new ReflectSettings(k.get(), seed.get(), samplingSteps.get(), contextSize.get(), earlyStop.get(), guidance.get());
    }

    /** The prompt parsed (call only while {@link #promptErrorProperty()} is null). */
    Caption caption() {
        return CaptionParser.parse(prompt.get()).caption();
    }

    /** Keeps the prompt, the settings and the prediction across restarts; call before the view is built. */
    public void remember(Settings s) {
        Remembered r = new Remembered(s, "reflect");
        prediction.remember(r);
        r.text("prompt", prompt).integer("k", k, K_RANGE).integer("seed", seed, SEED_RANGE)
                .integer("steps", samplingSteps, STEPS_RANGE).integer("context", contextSize, CONTEXT_RANGE)
                .decimal("guidance", guidance, GUIDANCE_RANGE).flag("earlyStop", earlyStop).flag("compare", compare);
    }

    private void validate() {
        ParseResult r = CaptionParser.parse(prompt.get());
        if (r.ok() && !Generator.fits(r.caption())) {
            promptError.set(new ParseError(Generator.tooLong(r.caption()), 0, 0, null));
            return;
        }
        promptError.set(r.ok() ? null : r.error());
    }
}
