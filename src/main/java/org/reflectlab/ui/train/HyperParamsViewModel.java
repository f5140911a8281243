package org.reflectlab.ui.train;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Remembered;

/**
 * The hyperparameter sheet and its presets: edits are refused with a message while a run is in
 * progress or out of range; a preset replaces them all and says what it is.
 */
public final class HyperParamsViewModel {

    private final HyperParams params = new HyperParams();
    // a message, so a refusal on screen follows a language switch
    private final ObjectProperty<I18n.Message> errorMessage = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanSupplier idle;
    private final Consumer<I18n.Message> presetApplied;

    /**
     * @param idle          whether no run is in progress (edits are allowed only then)
     * @param presetApplied told the preset's status text after a preset replaced the values
     */
    HyperParamsViewModel(BooleanSupplier idle, Consumer<I18n.Message> presetApplied) {
        error.bind(I18n.textOf(errorMessage));
        this.idle = idle;
        this.presetApplied = presetApplied;
    }

    /** Edits a hyperparameter; an out-of-range value (or any edit during a run) is refused with a message. */
    public boolean set(String key, Number value) {
        if (!idle.getAsBoolean()) {
            errorMessage.set(new I18n.Message("train.param.error.running"));
            return false;
        }
        Optional<I18n.Message> refused = params.trySet(key, value);
        errorMessage.set(refused.orElse(null));
        return refused.isEmpty();
    }

    /** Sets the quick preset (see {@link HyperParams#applyQuick()}); a new run starts from it. */
    public void applyQuick() {
        applyPreset(params::applyQuick, HyperParams.QUICK_STATUS);
    }

    /** Sets the full-size model's hyperparameters (the shipped model's architecture); a new run starts from them. */
    public void applyFull() {
        applyPreset(params::applyDefaults, HyperParams.FULL_STATUS);
    }

    private void applyPreset(Runnable preset, I18n.Message status) {
        if (!idle.getAsBoolean()) {
            return;
        }
        preset.run();
        errorMessage.set(null);
        presetApplied.accept(status);
    }

    /** Keeps every hyperparameter across restarts (a refused stored value keeps the default). */
    void remember(Settings s) {
        Remembered r = new Remembered(s, "train");
        for (HyperParams.Param p : params.all()) {
            r.value(p.key(), p.valueProperty(), text -> p.integer() ? (Number) Long.valueOf(text) : (Number) Double.valueOf(text),
                    v -> set(p.key(), v), I18n.tr("train.param.remembered", p.range()));
        }
        errorMessage.set(null);
    }

    public HyperParams params() {
        return params;
    }

    /** Why the last edit was refused, or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
