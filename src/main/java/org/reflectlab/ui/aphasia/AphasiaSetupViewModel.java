package org.reflectlab.ui.aphasia;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.reflectlab.core.aphasia.AphasiaSettings;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.ui.kit.Remembered;

/** Aphasia's settings row: the seed and the number of held-out scenes; a refused value says why and changes nothing. */
public final class AphasiaSetupViewModel {

    public static final int MAX_SEED = 999_999;

    // Properties //
    private final ReadOnlyIntegerWrapper seed = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyIntegerWrapper samples = new ReadOnlyIntegerWrapper(500);
    private final ReadOnlyStringWrapper settingsError = new ReadOnlyStringWrapper("");

    AphasiaSetupViewModel() {
    }

    public ReadOnlyIntegerProperty seedProperty() {
        return seed.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty samplesProperty() {
        return samples.getReadOnlyProperty();
    }

    /** Why the last settings change was refused, or "". */
    public ReadOnlyStringProperty settingsErrorProperty() {
        return settingsError.getReadOnlyProperty();
    }

    // Commands //

    public boolean setSeed(int s) {
        return change(s >= 0 && s <= MAX_SEED, "Seed must be 0.." + MAX_SEED + ".", () -> seed.set(s));
    }

    public boolean setSamples(int n) {
        return change(n >= 2 && n <= AphasiaSettings.MAX_SAMPLES, "Samples must be 2.." + AphasiaSettings.MAX_SAMPLES + ".",
                () -> samples.set(n));
    }

    private boolean change(boolean ok, String refusal, Runnable apply) {
        settingsError.set(ok ? "" : refusal);
        if (ok) {
            apply.run();
        }
        return ok;
    }

    public AphasiaSettings settings() {
        return AphasiaSettings.of(seed.get(), samples.get());
    }

    /** Keeps the seed and the number of scenes across restarts; call before the view is built. */
    void remember(Settings s) {
        new Remembered(s, "aphasia").value("seed", seedProperty(), Integer::valueOf, v -> setSeed(v.intValue()), "must be 0.." + MAX_SEED)
                .value("samples", samplesProperty(), Integer::valueOf, v -> setSamples(v.intValue()), "must be 2.." + AphasiaSettings.MAX_SAMPLES);
        settingsError.set(""); // a refused value is reported once by the shell; the panel starts clean
    }
}
