package org.reflectlab.ui.train;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.ui.kit.Remembered;

/**
 * The hyperparameter sheet and its presets: edits are refused with a message while a run is in
 * progress or out of range; a preset replaces them all and says what it is.
 */
public final class HyperParamsViewModel {

    private final HyperParams params = new HyperParams();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanSupplier idle;
    private final Consumer<String> presetApplied;

    /**
     * @param idle          whether no run is in progress (edits are allowed only then)
     * @param presetApplied told the preset's status text after a preset replaced the values
     */
    HyperParamsViewModel(BooleanSupplier idle, Consumer<String> presetApplied) {
        this.idle = idle;
        this.presetApplied = presetApplied;
    }

    /** Edits a hyperparameter; an out-of-range value (or any edit during a run) is refused with a message. */
    public boolean set(String key, Number value) {
        if (!idle.getAsBoolean()) {
            error.set("Hyperparameters are fixed while a run is in progress; stop it first.");
            return false;
        }
        Optional<String> refused = params.trySet(key, value);
        error.set(refused.orElse(""));
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

    private void applyPreset(Runnable preset, String status) {
        if (!idle.getAsBoolean()) {
            return;
        }
        preset.run();
        error.set("");
        presetApplied.accept(status);
    }

    /** Keeps every hyperparameter across restarts (a refused stored value keeps the default). */
    void remember(Settings s) {
        Remembered r = new Remembered(s, "train");
        for (HyperParams.Param p : params.all()) {
            r.value(p.key(), p.valueProperty(), text -> p.integer() ? (Number) Long.valueOf(text) : (Number) Double.valueOf(text),
                    v -> set(p.key(), v), "must be " + p.range());
        }
        error.set("");
    }

    public HyperParams params() {
        return params;
    }

    /** Why the last edit was refused, or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
