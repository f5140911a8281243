package org.reflectlab.ui.world;

import java.util.Arrays;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.core.world.ActionScript;
import org.reflectlab.core.world.Hybrid;
import org.reflectlab.core.world.PhysicsParams;
import org.reflectlab.core.world.WorldSpec;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Remembered;

/**
 * World's settings bar: seed, balls, action script, horizon and the hybrid's alpha. Each setter checks its value and
 * says why it refuses one; an accepted change re-runs the rollout, an accepted alpha only re-blends the hybrid.
 */
public final class RolloutSettingsViewModel {

    public static final int MAX_SEED = 999_999;

    private final Runnable rollout;
    private final Runnable reblend;

    // Properties //
    private final ReadOnlyLongWrapper seed = new ReadOnlyLongWrapper(1);
    private final ReadOnlyIntegerWrapper balls = new ReadOnlyIntegerWrapper(2);
    private final ReadOnlyObjectWrapper<ActionScript> script = new ReadOnlyObjectWrapper<>(ActionScript.RANDOM);
    private final ReadOnlyIntegerWrapper horizon = new ReadOnlyIntegerWrapper(WorldSpec.DEFAULT_HORIZON);
    private final ReadOnlyDoubleWrapper alpha = new ReadOnlyDoubleWrapper(0.7);
    // a message, so a refusal on screen follows a language switch
    private final SimpleObjectProperty<I18n.Message> refusal = new SimpleObjectProperty<>(I18n.Message.literal(""));
    private final ReadOnlyStringWrapper settingsError = new ReadOnlyStringWrapper("");

    /** {@code rollout} runs after an accepted change of the world, {@code reblend} after an accepted alpha. */
    RolloutSettingsViewModel(Runnable rollout, Runnable reblend) {
        this.rollout = rollout;
        this.reblend = reblend;
        settingsError.bind(I18n.textOf(refusal));
    }

    public ReadOnlyLongProperty seedProperty() {
        return seed.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty ballsProperty() {
        return balls.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ActionScript> scriptProperty() {
        return script.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty horizonProperty() {
        return horizon.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty alphaProperty() {
        return alpha.getReadOnlyProperty();
    }

    /** Why the last settings change was refused, or "". */
    public ReadOnlyStringProperty settingsErrorProperty() {
        return settingsError.getReadOnlyProperty();
    }

    // Commands //

    public boolean setSeed(long s) {
        return change(s >= 0 && s <= MAX_SEED, new I18n.Message("world.settings.seed", MAX_SEED), () -> seed.set(s));
    }

    public boolean setBalls(int n) {
        return change(n >= 1 && n <= 3, new I18n.Message("world.settings.balls"), () -> balls.set(n));
    }

    public boolean setScript(ActionScript a) {
        return change(a != null, new I18n.Message("world.settings.script"), () -> script.set(a));
    }

    public boolean setHorizon(int h) {
        return change(h >= 1 && h <= WorldSpec.MAX_HORIZON, new I18n.Message("world.settings.horizon", WorldSpec.MAX_HORIZON),
                () -> horizon.set(h));
    }

    private boolean change(boolean ok, I18n.Message why, Runnable apply) {
        if (!ok) {
            refusal.set(why);
            return false;
        }
        refusal.set(I18n.Message.literal(""));
        apply.run();
        rollout.run();
        return true;
    }

    /** A new blend; only the hybrid is recomputed (in the background, coalesced while one runs). */
    public boolean setAlpha(double a) {
        try {
            Hybrid.checkAlpha(a);
        } catch (IllegalArgumentException e) {
            refusal.set(new I18n.Message("world.settings.alpha"));
            return false;
        }
        refusal.set(I18n.Message.literal(""));
        alpha.set(a);
        reblend.run();
        return true;
    }

    public WorldSpec spec() {
        return new WorldSpec(seed.get(), balls.get(), WorldViewModel.FRAME_SIZE, horizon.get(), script.get(), PhysicsParams.defaults());
    }

    /** Keeps the seed, balls, pushes, horizon and alpha across restarts; call before the view is built. */
    void remember(Settings s) {
        new Remembered(s, "world").value("seed", seedProperty(), Long::valueOf, v -> setSeed(v.longValue()), I18n.tr("kit.remembered.range", "0.." + MAX_SEED))
                .value("balls", ballsProperty(), Integer::valueOf, v -> setBalls(v.intValue()), I18n.tr("kit.remembered.choices", "1, 2, 3"))
                .value("pushes", scriptProperty(), text -> Arrays.stream(ActionScript.values())
                        .filter(a -> a.name().equals(text) || a.toString().equals(text)).findFirst().orElse(null), this::setScript,
                        I18n.tr("world.remembered.script"))
                .value("horizon", horizonProperty(), Integer::valueOf, v -> setHorizon(v.intValue()), I18n.tr("kit.remembered.range", "1.." + WorldSpec.MAX_HORIZON))
                .value("alpha", alphaProperty(), Double::valueOf, v -> setAlpha(v.doubleValue()), I18n.tr("kit.remembered.range", "0..1"));
        refusal.set(I18n.Message.literal("")); // a refused value is reported once by the shell; the panel starts clean
    }
}
