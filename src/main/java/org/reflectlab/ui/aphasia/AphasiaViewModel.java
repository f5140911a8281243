package org.reflectlab.ui.aphasia;

import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.reflectlab.core.aphasia.Ablation;
import org.reflectlab.core.aphasia.AphasiaCache;
import org.reflectlab.core.aphasia.AphasiaModels;
import org.reflectlab.core.aphasia.AphasiaResult;
import org.reflectlab.core.aphasia.AphasiaSettings;
import org.reflectlab.core.aphasia.MemoryExperiment;
import org.reflectlab.core.aphasia.RoundTrip;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.ui.kit.Experiment;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Notifier;

/**
 * The Aphasia workspace's state: settings, the round trip (in the background, cancellable, with
 * progress), its result (from the cache when the same model and settings ran before), and its parts:
 * the sample browser, describe-from-memory and the ablation variants, each experiment with its own
 * busy flag and task ({@link Experiment}).
 */
public final class AphasiaViewModel {

    private final TaskRunner runner;
    private final Notifier notifier;
    private final AphasiaCache cache;
    private final SharedModels models;
    private final Experiment roundTrip;

    // Properties //
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<AphasiaResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper fromCache = new ReadOnlyBooleanWrapper(false);

    private final AphasiaSetupViewModel setup = new AphasiaSetupViewModel();
    private final SceneBrowser scenes = new SceneBrowser(result.getReadOnlyProperty());
    private final MemoryViewModel memory;
    private final VariantsViewModel variants;
    private final TelephoneViewModel telephone;
    private final AphasiaExports exports;

    /** Runs the ablation variants (the app: every ablate-* model in the store, see {@link Ablation}). */
    @FunctionalInterface
    public interface VariantSource {
        List<Ablation.Variant> run(AphasiaSettings settings, RoundTrip.Listener listener) throws Exception;
    }

    public AphasiaViewModel(TaskRunner runner, Notifier notifier, Callable<AphasiaModels> loader, AphasiaCache cache) {
        this(runner, notifier, loader, (s, l) -> {
            throw new IllegalStateException(I18n.tr("aphasia.variants.none"));
        }, cache);
    }

    public AphasiaViewModel(TaskRunner runner, Notifier notifier, Callable<AphasiaModels> loader, VariantSource variants,
                            AphasiaCache cache) {
        this.runner = runner;
        this.notifier = notifier;
        this.cache = cache;
        this.models = new SharedModels(loader);
        this.roundTrip = new Experiment(runner, notifier, new I18n.Message("aphasia.failed.title"), new I18n.Message("aphasia.status.ready"));
        this.memory = new MemoryViewModel(runner, notifier, models);
        this.variants = new VariantsViewModel(runner, notifier, variants);
        this.telephone = new TelephoneViewModel(runner, notifier, models);
        this.exports = new AphasiaExports(runner, notifier, result.getReadOnlyProperty());
    }

    // Commands //

    /** Runs the round trip for the current settings in the background (or shows the cached result). */
    public void run() {
        if (roundTrip.runningProperty().get()) {
            return;
        }
        AphasiaSettings s = setup.settings();
        boolean[] cached = {false};
        problem.set("");
        roundTrip.submit(I18n.tr("aphasia.task.run", s.samples()), new I18n.Message("aphasia.status.running", s.samples(), s.seed()),
                ctx -> models.use(ctx, m -> {
                    AphasiaResult hit = cache.get(m.sha256(), s);
                    if (hit != null) {
                        cached[0] = true;
                        return hit;
                    }
                    AphasiaResult r = m.run(s, RoundTripProgress.of(ctx, roundTrip));
                    cache.put(r);
                    return r;
                }), r -> {
                    fromCache.set(cached[0]);
                    show(r);
                    roundTrip.status(summary(r, cached[0]));
                }, new I18n.Message("aphasia.status.cancelled"), e -> new I18n.Message("aphasia.status.failed"),
                e -> problem.set(String.valueOf(e.getMessage())));
    }

    /**
     * Shows the cached result for the current settings, if the current model has one (on opening the
     * workspace); otherwise leaves everything as it is. Loads the models in the background to learn
     * their checksum.
     */
    public void restore() {
        if (roundTrip.runningProperty().get() || result.get() != null) {
            return;
        }
        AphasiaSettings s = setup.settings();
        runner.submit(BackgroundTask.of(I18n.tr("aphasia.task.load"),
                        ctx -> models.use(ctx, m -> java.util.Optional.ofNullable(cache.get(m.sha256(), s))))
                .hiddenFromTaskList().onSuccess(hit -> hit.filter(r -> result.get() == null).ifPresent(r -> {
                    fromCache.set(true);
                    show(r);
                    roundTrip.status(summary(r, true));
                })).onFailure(e -> problem.set(String.valueOf(e.getMessage()))));
    }

    /**
     * The workspace was hidden a while: drops the loaded models and their buffers (the next run loads them again, as the
     * first run did); never while an experiment uses them. The result on screen stays.
     */
    public void releaseModels() {
        models.release();
    }

    /**
     * The workspace was just hidden: the working buffers its experiments grew (a 50-scene batch leaves ~100 MB) go now,
     * the models stay (they go with {@link #releaseModels()} after a while). Whether it let go of anything.
     */
    public boolean trimBuffers() {
        return models.trim();
    }

    /** Whether the models are loaded (for tests of the release). */
    public boolean modelsLoaded() {
        return models.loaded();
    }

    /** Describe from memory with the default sizes and the current seed, in the background. */
    public void runMemory() {
        memory.run(MemoryExperiment.Settings.defaults(setup.seedProperty().get()));
    }

    /** Runs the round trip on every ablation variant with the current settings (cached per variant checksum). */
    public void compareVariants() {
        variants.compare(setup.settings());
    }

    /** Telephone on the current seed's held-out scenes, in the background. */
    public void runTelephone() {
        telephone.run(setup.seedProperty().get());
    }

    /** Cancels whatever runs (the round trip, describe-from-memory, the variants, telephone). */
    public void cancel() {
        roundTrip.cancel();
        telephone.experiment().cancel();
        memory.experiment().cancel();
        variants.experiment().cancel();
    }

    private void show(AphasiaResult r) {
        result.set(r);
        scenes.refresh();
    }

    static I18n.Message summary(AphasiaResult r, boolean cached) {
        return new I18n.Message("aphasia.status.summary", r.settings().samples(), r.settings().seed(), r.model(),
                r.modelSha().substring(0, Math.min(12, r.modelSha().length())),
                cached ? new I18n.Message("aphasia.status.cached") : new I18n.Message("aphasia.status.ran", r.seconds()));
    }

    /** Keeps the seed, the number of scenes and the browser's sort across restarts; call before the view is built. */
    public void remember(Settings s) {
        setup.remember(s);
        scenes.remember(s);
    }

    // Parts and properties //

    /** The settings row: seed and number of scenes. */
    public AphasiaSetupViewModel setup() {
        return setup;
    }

    /** The result's exports (summary and samples as CSV, charts as PNG), written off the FX thread. */
    public AphasiaExports exports() {
        return exports;
    }

    public SceneBrowser scenes() {
        return scenes;
    }

    public MemoryViewModel memory() {
        return memory;
    }

    public VariantsViewModel variants() {
        return variants;
    }

    public TelephoneViewModel telephone() {
        return telephone;
    }

    /** Whether the round trip runs. */
    public ReadOnlyBooleanProperty runningProperty() {
        return roundTrip.runningProperty();
    }

    /** The round trip's progress, 0..1 while running. */
    public ReadOnlyDoubleProperty progressProperty() {
        return roundTrip.progressProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return roundTrip.statusProperty();
    }

    /** Why the models could not be loaded (with how to make them), or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AphasiaResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Whether the shown result came from the cache rather than a fresh run. */
    public ReadOnlyBooleanProperty fromCacheProperty() {
        return fromCache.getReadOnlyProperty();
    }
}
