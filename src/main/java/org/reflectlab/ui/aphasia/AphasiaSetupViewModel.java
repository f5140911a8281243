package org.reflectlab.ui.aphasia;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.reflectlab.core.aphasia.AphasiaSettings;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Remembered;

/** Aphasia's settings row: the seed and the number of held-out scenes; a refused value says why and changes nothing. */
public final class AphasiaSetupViewModel {

    public static final int MAX_SEED = 999_999;

    // Properties //
    private final ReadOnlyIntegerWrapper seed = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyIntegerWrapper samples = new ReadOnlyIntegerWrapper(500);
    // a message, so a refusal on screen follows a language switch
    private final javafx.beans.property.SimpleObjectProperty<I18n.Message> refusal =
            new javafx.beans.property.SimpleObjectProperty<>(I18n.Message.literal(""));
    private final ReadOnlyStringWrapper settingsError = new ReadOnlyStringWrapper("");

    AphasiaSetupViewModel() {
        settingsError.bind(I18n.textOf(refusal));
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
        return change(s >= 0 && s <= MAX_SEED, new I18n.Message("aphasia.settings.seed", MAX_SEED), () -> seed.set(s));
    }

    public boolean setSamples(int n) {
        return change(n >= 2 && n <= AphasiaSettings.MAX_SAMPLES, new I18n.Message("aphasia.settings.samples", AphasiaSettings.MAX_SAMPLES),
                () -> samples.set(n));
    }

    private boolean change(boolean ok, I18n.Message why, Runnable apply) {
        refusal.set(ok ? I18n.Message.literal("") : why);
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
        new Remembered(s, "aphasia").value("seed", seedProperty(), Integer::valueOf, v -> setSeed(v.intValue()), I18n.tr("kit.remembered.range", "0.." + MAX_SEED))
                .value("samples", samplesProperty(), Integer::valueOf, v -> setSamples(v.intValue()), I18n.tr("kit.remembered.range", "2.." + AphasiaSettings.MAX_SAMPLES));
        refusal.set(I18n.Message.literal("")); // a refused value is reported once by the shell; the panel starts clean
    }
}
