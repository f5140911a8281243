package org.reflectlab.ui.world;

import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
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
import org.reflectlab.ui.kit.I18n;
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
    // messages, not sentences, so that they follow a language switch
    private final ObjectProperty<I18n.Message> problemMessage = new SimpleObjectProperty<>(I18n.Message.literal(""));
    private final ReadOnlyStringWrapper modelProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(true);
    private final ObjectProperty<I18n.Message> statusMessage = new SimpleObjectProperty<>(new I18n.Message("world.status.loading"));
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();

    private final EndPredictionViewModel prediction = new EndPredictionViewModel(comparison.getReadOnlyProperty(), FRAME_SIZE);

    private TaskHandle rolloutTask = TaskHandle.DONE;
    private long generation;
    private boolean blending;
    private boolean released;

    public WorldViewModel(TaskRunner runner, Notifier notifier, Supplier<WorldModels> loader) {
        this.runner = runner;
        this.notifier = notifier;
        this.files = new FileExport(runner, notifier);
        this.loader = loader;
        status.bind(I18n.textOf(statusMessage));
        modelProblem.bind(I18n.textOf(problemMessage));
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
        statusMessage.set(new I18n.Message("world.status.loading"));
        runner.submit(BackgroundTask.of(I18n.tr("world.task.load"), ctx -> loader.get())
                .onSuccess(m -> {
                    models.set(m);
                    problemMessage.set(m.hasImplicit() || m.implicitProblem() == null ? I18n.Message.literal("") : I18n.Message.of(m.implicitProblem()));
                    recompute();
                })
                .onFailure(e -> {
                    busy.set(false);
                    problemMessage.set(new I18n.Message("world.problem.load", String.valueOf(e.getMessage())));
                    statusMessage.set(new I18n.Message("world.status.no-models"));
                    notifier.error(I18n.tr("world.error.load"), String.valueOf(e.getMessage()));
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
        statusMessage.set(new I18n.Message("world.status.rolling", spec.seed(), spec.horizon()));
        String progress = I18n.tr("world.task.rollout.progress", spec.horizon(), spec.balls());
        rolloutTask = runner.submit(BackgroundTask.of(I18n.tr("world.task.rollout", spec.seed()), ctx -> {
            ctx.message(progress);
            return Comparison.run(spec, m, a, RolloutMetrics.DEFAULT_THRESHOLD, ctx::checkCancelled);
        }).onSuccess(c -> {
            if (gen == generation) {
                comparison.set(c);
                scrubber.setLast(c.horizon());
                statusMessage.set(summary(c));
                reblend();
            }
        }).onFailure(e -> {
            if (gen == generation) {
                statusMessage.set(new I18n.Message("world.status.failed", String.valueOf(e.getMessage())));
                notifier.error(I18n.tr("world.error.rollout"), String.valueOf(e.getMessage()));
            }
        }).onFinished(() -> {
            if (gen == generation) {
                busy.set(false);
            }
        }));
    }

    /** Hidden a while: lets go of the world models unless a rollout, a blend or {@code inUse} (play, a sweep) needs them; what shows stays. */
    public void release(boolean inUse) {
        if (models.get() != null && !released && !inUse && !busy.get() && !blending) {
            released = true;
            models.set(null);
        }
    }

    public void rebuild() {
        if (released) {
            released = false;
            runner.submit(BackgroundTask.of(I18n.tr("world.task.load"), ctx -> loader.get()).onSuccess(m -> {
                models.set(m);
                if (comparison.get() == null || !comparison.get().spec().equals(settings.spec())) {
                    recompute(); // a setting changed while they loaded: the rollout follows it
                } else {
                    reblend();
                }
            }).onFailure(e -> problemMessage.set(new I18n.Message("world.problem.load", String.valueOf(e.getMessage())))));
        }
    }

    /** Let go and not loaded back yet ({@link #rebuild()} loads them on a worker, no new rollout); the card keeps showing them. */
    public boolean released() {
        return released;
    }

    private void reblend() {
        Comparison c = comparison.get();
        if (c == null || blending || !c.has(org.reflectlab.core.world.ModelKind.IMPLICIT) || c.alpha() == settings.alphaProperty().get()) {
            return;
        }
        blending = true;
        long gen = generation;
        double a = settings.alphaProperty().get();
        runner.submit(BackgroundTask.of(I18n.tr("world.task.reblend"), ctx -> c.withAlpha(a)).hiddenFromTaskList()
                .onSuccess(r -> {
                    if (gen == generation) {
                        comparison.set(r);
                        statusMessage.set(summary(r));
                    }
                })
                .onFailure(e -> notifier.error(I18n.tr("world.error.reblend"), String.valueOf(e.getMessage())))
                .onFinished(() -> {
                    blending = false;
                    reblend(); // the slider may have moved on meanwhile
                }));
    }

    private static I18n.Message summary(Comparison c) {
        return new I18n.Message("world.status.summary", c.spec().seed(), c.spec().balls(),
                WorldTexts.script(c.spec().script()), c.horizon(), c.alpha());
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
        if (!files.nothing(c, I18n.tr("world.export.nothing"))) {
            files.write(file, () -> export.write(c));
        }
    }

    /** Keeps the seed, balls, pushes, horizon and alpha across restarts; call before the view is built. */
    public void remember(org.reflectlab.core.settings.Settings s) {
        settings.remember(s);
        prediction.remember(s);
    }
}
