package org.reflectlab.ui.world;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskHandle;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.world.Comparison;
import org.reflectlab.core.world.ImplicitModelIO;
import org.reflectlab.core.world.PhysicsParams;
import org.reflectlab.core.world.RolloutMetrics;
import org.reflectlab.core.world.WorldExport;
import org.reflectlab.core.world.WorldModels;
import org.reflectlab.core.world.WorldSpec;
import org.reflectlab.ui.kit.FileExport;
import org.reflectlab.ui.kit.Notifier;

/**
 * The World workspace's rollout: settings (seed, balls, action script, horizon, alpha), the world
 * models (loaded in the background; explicit physics works even when the implicit model does
 * not load), the current {@link Comparison} and the frame scrubber over it. A settings change
 * re-runs the rollout in the background; an alpha change only re-blends the hybrid.
 */
public final class WorldViewModel {

    public static final int FRAME_SIZE = 32;

    private final TaskRunner runner;
    private final Notifier notifier;
    private final FileExport files;
    private final Supplier<WorldModels> loader;
    private final ScrubberViewModel scrubber = new ScrubberViewModel();
    private final RolloutSettingsViewModel settings = new RolloutSettingsViewModel(this::recompute, this::reblend);

    // Properties //
    private final ReadOnlyObjectWrapper<WorldModels> models = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper modelProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Loading the world models…");

    private final EndPredictionViewModel prediction = new EndPredictionViewModel(comparison.getReadOnlyProperty(), FRAME_SIZE);

    private TaskHandle rolloutTask = TaskHandle.DONE;
    private long generation;
    private boolean blending;

    public WorldViewModel(TaskRunner runner, Notifier notifier, Supplier<WorldModels> loader) {
        this.runner = runner;
        this.notifier = notifier;
        this.files = new FileExport(runner, notifier);
        this.loader = loader;
    }

    /** The app's wiring: explicit physics identified here, the implicit model from the store. */
    public static WorldViewModel forStore(TaskRunner runner, Notifier notifier, ModelStore store) {
        return new WorldViewModel(runner, notifier, () -> {
            Backend.start();
            return WorldModels.load(store, ImplicitModelIO.DEFAULT_NAME, PhysicsParams.defaults(), FRAME_SIZE);
        });
    }

    public ScrubberViewModel scrubber() {
        return scrubber;
    }

    /** The settings bar: seed, balls, pushes, horizon, alpha. */
    public RolloutSettingsViewModel settings() {
        return settings;
    }

    /** Predict, then reveal: where the orange ball will be at the last frame. */
    public EndPredictionViewModel prediction() {
        return prediction;
    }

    public ReadOnlyObjectProperty<WorldModels> modelsProperty() {
        return models.getReadOnlyProperty();
    }

    /** Why the implicit model is not available (the workspace then shows explicit physics only), or "". */
    public ReadOnlyStringProperty modelProblemProperty() {
        return modelProblem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    // Commands //

    /** Loads (or reloads) the world models in the background, then rolls out. */
    public void loadModels() {
        busy.set(true);
        status.set("Loading the world models…");
        runner.submit(BackgroundTask.of("Loading world models", ctx -> loader.get())
                .onSuccess(m -> {
                    models.set(m);
                    modelProblem.set(m.hasImplicit() ? "" : String.valueOf(m.implicitProblem()));
                    recompute();
                })
                .onFailure(e -> {
                    busy.set(false);
                    modelProblem.set("Could not load the world models: " + e.getMessage());
                    status.set("No world models.");
                    notifier.error("World models not loaded", String.valueOf(e.getMessage()));
                }));
    }

    /** Runs the rollout for the current settings, replacing one in progress. */
    public void recompute() {
        WorldModels m = models.get();
        if (m == null) {
            return;
        }
        rolloutTask.cancel();
        long gen = ++generation;
        WorldSpec spec = settings.spec();
        double a = settings.alphaProperty().get();
        busy.set(true);
        status.set(String.format(Locale.ROOT, "Rolling out seed %d: %d frames…", spec.seed(), spec.horizon()));
        rolloutTask = runner.submit(BackgroundTask.of("World rollout, seed " + spec.seed(), ctx -> {
            ctx.message(spec.horizon() + " frames, " + spec.balls() + " balls");
            return Comparison.run(spec, m, a, RolloutMetrics.DEFAULT_THRESHOLD, ctx::checkCancelled);
        }).onSuccess(c -> {
            if (gen == generation) {
                comparison.set(c);
                scrubber.setLast(c.horizon());
                status.set(summary(c));
                reblend();
            }
        }).onFailure(e -> {
            if (gen == generation) {
                status.set("The rollout failed: " + e.getMessage());
                notifier.error("World rollout failed", String.valueOf(e.getMessage()));
            }
        }).onFinished(() -> {
            if (gen == generation) {
                busy.set(false);
            }
        }));
    }

    private void reblend() {
        Comparison c = comparison.get();
        if (c == null || blending || !c.has(org.reflectlab.core.world.ModelKind.IMPLICIT) || c.alpha() == settings.alphaProperty().get()) {
            return;
        }
        blending = true;
        long gen = generation;
        double a = settings.alphaProperty().get();
        runner.submit(BackgroundTask.of("Re-blending the hybrid", ctx -> c.withAlpha(a)).hiddenFromTaskList()
                .onSuccess(r -> {
                    if (gen == generation) {
                        comparison.set(r);
                        status.set(summary(r));
                    }
                })
                .onFailure(e -> notifier.error("Hybrid not updated", String.valueOf(e.getMessage())))
                .onFinished(() -> {
                    blending = false;
                    reblend(); // the slider may have moved on meanwhile
                }));
    }

    private static String summary(Comparison c) {
        return String.format(Locale.ROOT, "Seed %d · %d balls · %s pushes · %d frames · alpha %.2f", c.spec().seed(),
                c.spec().balls(), c.spec().script().key(), c.horizon(), c.alpha());
    }

    /** The rollout as a PNG strip (rows: models, columns: frames), written in the background. */
    public void exportStrip(Path file) {
        export(file, c -> WorldExport.writeStrip(c, 12, 3, file));
    }

    /** Per-frame error, frame-to-frame difference and energy of every model, as CSV. */
    public void exportCsv(Path file) {
        export(file, c -> WorldExport.writeCsv(c, file));
    }

    private interface Export {
        void write(Comparison c) throws Exception;
    }

    private void export(Path file, Export export) {
        Comparison c = comparison.get();
        if (!files.nothing(c, "There is no rollout yet.")) {
            files.write(file, () -> export.write(c));
        }
    }

    /** Keeps the seed, balls, pushes, horizon and alpha across restarts; call before the view is built. */
    public void remember(org.reflectlab.core.settings.Settings s) {
        settings.remember(s);
        prediction.remember(s);
    }
}
