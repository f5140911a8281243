package org.reflectlab.ui.aphasia;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.reflectlab.core.aphasia.Ablation;
import org.reflectlab.core.aphasia.AphasiaCache;
import org.reflectlab.core.aphasia.AphasiaExport;
import org.reflectlab.core.aphasia.AphasiaModels;
import org.reflectlab.core.aphasia.AphasiaResult;
import org.reflectlab.core.aphasia.AphasiaSettings;
import org.reflectlab.core.aphasia.MemoryExperiment;
import org.reflectlab.core.aphasia.Metric;
import org.reflectlab.core.aphasia.Route;
import org.reflectlab.core.aphasia.RoundTrip;
import org.reflectlab.core.aphasia.SampleOutcome;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskContext;
import org.reflectlab.core.concurrent.TaskHandle;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.data.ImageGrid;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.ui.kit.Notifier;

/**
 * The Aphasia workspace's state: settings, the run (in the background, cancellable, with progress),
 * the result (from the cache when the same model and settings ran before), and the sample browser
 * (sorted by how much the textual route lost; filtered to one metric by clicking its bar).
 */
public final class AphasiaViewModel {

    public static final int MAX_SEED = 999_999;

    private final TaskRunner runner;
    private final Notifier notifier;
    private final Callable<AphasiaModels> loader;
    private final VariantSource variantSource;
    private final AphasiaCache cache;
    private volatile AphasiaModels models;

    // Properties //
    private final ReadOnlyIntegerWrapper seed = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyIntegerWrapper samples = new ReadOnlyIntegerWrapper(500);
    private final ReadOnlyStringWrapper settingsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Run the round trip on held-out scenes.");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<AphasiaResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper fromCache = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Metric> filter = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Metric> sortBy = new ReadOnlyObjectWrapper<>();
    private final ObservableList<SampleOutcome> browser = FXCollections.observableArrayList();
    private final ObservableList<SampleOutcome> browserView = FXCollections.unmodifiableObservableList(browser);
    private final ReadOnlyStringWrapper browserTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SampleOutcome> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<MemoryExperiment.Result> memory = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper memoryStatus = new ReadOnlyStringWrapper(
            "Posters are bound to name tokens (learned latents, decoders frozen) from name->image pairs and a few "
                    + "name->caption pairs; asked by name, the model draws and describes each poster.");
    private final ReadOnlyObjectWrapper<List<Ablation.Variant>> variants = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper variantsStatus = new ReadOnlyStringWrapper(
            "Compares the gap of models trained with the same small settings but one change each (models named ablate-*).");

    private TaskHandle task = TaskHandle.DONE;

    /** Runs the ablation variants (the app: every ablate-* model in the store, see {@link Ablation}). */
    @FunctionalInterface
    public interface VariantSource {
        List<Ablation.Variant> run(AphasiaSettings settings, RoundTrip.Listener listener) throws Exception;
    }

    public AphasiaViewModel(TaskRunner runner, Notifier notifier, Callable<AphasiaModels> loader, AphasiaCache cache) {
        this(runner, notifier, loader, (s, l) -> {
            throw new IllegalStateException("No ablation variants are configured here.");
        }, cache);
    }

    public AphasiaViewModel(TaskRunner runner, Notifier notifier, Callable<AphasiaModels> loader, VariantSource variants,
                            AphasiaCache cache) {
        this.runner = runner;
        this.notifier = notifier;
        this.loader = loader;
        this.variantSource = variants;
        this.cache = cache;
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

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0..1 while running. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
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

    /** The metric the browser is filtered to, or null for every scene. */
    public ReadOnlyObjectProperty<Metric> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    /** What the browser is sorted by: one metric's gap, or null for the mean attribute gap. */
    public ReadOnlyObjectProperty<Metric> sortByProperty() {
        return sortBy.getReadOnlyProperty();
    }

    /** Scenes in browsing order (most lost through text first on {@link #sortByProperty()}); changed on the UI thread only. */
    public ObservableList<SampleOutcome> browser() {
        return browserView;
    }

    /** What the browser shows, in words (see {@link #filterDescription()}). */
    public ReadOnlyStringProperty browserTitleProperty() {
        return browserTitle.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SampleOutcome> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MemoryExperiment.Result> memoryProperty() {
        return memory.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty memoryStatusProperty() {
        return memoryStatus.getReadOnlyProperty();
    }

    /** The ablation variants' results (baseline first), empty until compared. */
    public ReadOnlyObjectProperty<List<Ablation.Variant>> variantsProperty() {
        return variants.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty variantsStatusProperty() {
        return variantsStatus.getReadOnlyProperty();
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

    /** Runs the round trip for the current settings in the background (or shows the cached result). */
    public void run() {
        if (running.get()) {
            return;
        }
        AphasiaSettings s = settings();
        running.set(true);
        progress.set(0);
        problem.set("");
        status.set(String.format(Locale.ROOT, "Running the round trip on %d held-out scenes (seed %d)…", s.samples(), s.seed()));
        boolean[] cached = {false};
        task = runner.submit(BackgroundTask.of("Aphasia round trip, " + s.samples() + " scenes", ctx -> {
            AphasiaModels m = models(ctx);
            AphasiaResult hit = cache.get(m.sha256(), s);
            if (hit != null) {
                cached[0] = true;
                return hit;
            }
            AphasiaResult r = m.run(s, listener(ctx));
            cache.put(r);
            return r;
        }).onSuccess(r -> {
            fromCache.set(cached[0]);
            show(r);
            status.set(summary(r, cached[0]));
        }).onCancelled(() -> status.set("Cancelled; the last result (if any) is still shown."))
                .onFailure(e -> {
                    problem.set(String.valueOf(e.getMessage()));
                    status.set("The round trip failed.");
                    notifier.error("Aphasia run failed", String.valueOf(e.getMessage()));
                })
                .onFinished(() -> {
                    running.set(false);
                    progress.set(0);
                }));
    }

    /**
     * Shows the cached result for the current settings, if the current model has one (on opening the
     * workspace); otherwise leaves everything as it is. Loads the models in the background to learn
     * their checksum.
     */
    public void restore() {
        if (running.get() || result.get() != null) {
            return;
        }
        AphasiaSettings s = settings();
        running.set(true);
        runner.submit(BackgroundTask.of("Loading the unified model and the judge", ctx -> {
            AphasiaModels m = models(ctx);
            return java.util.Optional.ofNullable(cache.get(m.sha256(), s));
        }).hiddenFromTaskList().onSuccess(hit -> hit.ifPresent(r -> {
            fromCache.set(true);
            show(r);
            status.set(summary(r, true));
        })).onFailure(e -> problem.set(String.valueOf(e.getMessage())))
                .onFinished(() -> running.set(false)));
    }

    /**
     * The workspace was hidden a while: drops the loaded models and their buffers (the next run loads them again, as the
     * first run did); never while a task uses them. The result on screen stays.
     */
    public void releaseModels() {
        if (!running.get()) {
            models = null;
        }
    }

    /** Whether the models are loaded (for tests of the release). */
    public boolean modelsLoaded() {
        return models != null;
    }

    private AphasiaModels models(TaskContext ctx) throws Exception {
        // Only the run task touches the models, and only one run is in flight at a time.
        if (models == null) {
            ctx.message("loading the unified model and the judge");
            models = loader.call();
        }
        return models;
    }

    private RoundTrip.Listener listener(TaskContext ctx) {
        return new RoundTrip.Listener() {
            @Override
            public void progress(int done, int total) {
                ctx.progress(done, total);
                ctx.message(done + " of " + total + " scenes");
                ctx.onUiThread(() -> progress.set(done / (double) total));
            }

            @Override
            public void checkCancelled() {
                ctx.checkCancelled();
            }
        };
    }

    /** Describe from memory with the default sizes and the current seed, in the background. */
    public void runMemory() {
        runMemory(MemoryExperiment.Settings.defaults(seed.get()));
    }

    public void runMemory(MemoryExperiment.Settings s) {
        if (running.get()) {
            return;
        }
        running.set(true);
        progress.set(0);
        memoryStatus.set("Training " + s.posters() + " name latents for " + s.steps() + " steps, then recalling…");
        task = runner.submit(BackgroundTask.of("Aphasia: describe from memory", ctx -> {
            AphasiaModels m = models(ctx);
            return MemoryExperiment.run(m.unified(), m.judge(), s, listener(ctx));
        }).onSuccess(r -> {
            memory.set(r);
            memoryStatus.set(String.format(Locale.ROOT, "%d posters (%d with captions), %d steps: image loss %.4f -> %.4f, %.1f s.",
                    s.posters(), s.captioned(), s.steps(), r.initialImageLoss(), r.finalImageLoss(), r.seconds()));
        }).onCancelled(() -> memoryStatus.set("Cancelled."))
                .onFailure(e -> {
                    memoryStatus.set(String.valueOf(e.getMessage()));
                    notifier.error("Memory experiment failed", String.valueOf(e.getMessage()));
                })
                .onFinished(() -> {
                    running.set(false);
                    progress.set(0);
                }));
    }

    /** Runs the round trip on every ablation variant with the current settings (cached per variant checksum). */
    public void compareVariants() {
        if (running.get()) {
            return;
        }
        AphasiaSettings s = settings();
        running.set(true);
        progress.set(0);
        variantsStatus.set("Running the ablation variants on " + s.samples() + " scenes…");
        task = runner.submit(BackgroundTask.of("Aphasia ablation variants", ctx -> variantSource.run(s, listener(ctx)))
                .onSuccess(v -> {
                    variants.set(List.copyOf(v));
                    variantsStatus.set(String.format(Locale.ROOT, "%d variants on %d scenes (seed %d).", v.size(), s.samples(), s.seed()));
                })
                .onCancelled(() -> variantsStatus.set("Cancelled."))
                .onFailure(e -> {
                    variantsStatus.set(String.valueOf(e.getMessage()));
                    notifier.error("Ablation not run", String.valueOf(e.getMessage()));
                })
                .onFinished(() -> {
                    running.set(false);
                    progress.set(0);
                }));
    }

    public void cancel() {
        task.cancel();
    }

    /**
     * Shows only the scenes where the two routes differ on this metric (null: every scene), sorted
     * by that metric's gap (clearing the filter keeps the sort).
     */
    public void setFilter(Metric m) {
        filter.set(m);
        if (m != null) {
            sortBy.set(m);
        }
        refreshBrowser();
    }

    /** Sorts the browser by one metric's gap, most lost through text first (null: the mean attribute gap). */
    public void setSortBy(Metric m) {
        sortBy.set(m);
        refreshBrowser();
    }

    /** The gap a scene is sorted by: visual - textual on the metric, or the mean over attributes for null. */
    public static double sortKey(SampleOutcome o, Metric m) {
        return m == null ? o.attributeGap() : o.gap(m);
    }

    public void select(SampleOutcome o) {
        selected.set(o);
    }

    private void show(AphasiaResult r) {
        result.set(r);
        refreshBrowser();
    }

    private void refreshBrowser() {
        AphasiaResult r = result.get();
        if (r == null) {
            browser.clear();
            selected.set(null);
            browserTitle.set("");
            return;
        }
        Metric m = filter.get();
        Metric key = sortBy.get();
        List<SampleOutcome> list = r.samples().stream()
                .filter(o -> m == null || m == Metric.PIXELS || o.gap(m) != 0)
                .sorted(Comparator.comparingDouble((SampleOutcome o) -> sortKey(o, key)).reversed()
                        .thenComparing(Comparator.comparingDouble((SampleOutcome o) -> o.gap(Metric.PIXELS)).reversed()))
                .toList();
        browser.setAll(list);
        browserTitle.set(filterDescription());
        selected.set(list.isEmpty() ? null : list.get(0));
    }

    /** How the browser is filtered, in words. */
    public String filterDescription() {
        Metric m = filter.get();
        String order = ", most lost through text first (" + sortLabel(sortBy.get()) + ")";
        if (m == null) {
            return browser.size() + " scenes" + order;
        }
        return browser.size() + " scenes where the routes differ on " + m.label() + order;
    }

    /** "mean attribute gap" or "fine position gap". */
    public static String sortLabel(Metric m) {
        return m == null ? "mean attribute gap" : m.label() + " gap";
    }

    /** One route's verdict line: what the judge read, and per attribute whether it matches the truth. */
    public static String verdict(SampleOutcome o, Route route) {
        String seen = o.judged(route).isEmpty() ? "nothing"
                : o.judged(route).stream().map(SceneObject::describe).collect(Collectors.joining("; "));
        String marks = java.util.Arrays.stream(Metric.values()).filter(Metric::isAttribute)
                .map(m -> mark(o.score(route, m)) + " " + m.label()).collect(Collectors.joining("  "));
        return "judge reads: " + seen + "\n" + marks;
    }

    private static String mark(double score) {
        return score >= 1 ? "✓" : score <= 0 ? "✗" : String.format(Locale.ROOT, "%.2f", score);
    }

    static String summary(AphasiaResult r, boolean cached) {
        return String.format(Locale.ROOT, "%d scenes, seed %d, model %s (%s) · %s", r.settings().samples(), r.settings().seed(),
                r.model(), r.modelSha().substring(0, Math.min(12, r.modelSha().length())),
                cached ? "from the cache (same model checksum and settings)"
                        : String.format(Locale.ROOT, "ran in %.1f s", r.seconds()));
    }

    // Export //

    public void exportCsv(Path file) {
        export(file, r -> AphasiaExport.writeSummaryCsv(r, file));
    }

    public void exportSamplesCsv(Path file) {
        export(file, r -> AphasiaExport.writeSamplesCsv(r, file));
    }

    /** The view captures the charts (on the UI thread); the file is written in the background. */
    public void exportPng(BufferedImage image, Path file) {
        export(file, r -> ImageGrid.writePng(image, file));
    }

    private interface Export {
        void write(AphasiaResult r) throws Exception;
    }

    private void export(Path file, Export export) {
        AphasiaResult r = result.get();
        if (r == null) {
            notifier.error("Nothing to export", "Run the round trip first.");
            return;
        }
        runner.submit(BackgroundTask.of("Exporting " + file.getFileName(), ctx -> {
            export.write(r);
            return file;
        }).onSuccess(p -> notifier.info("Saved " + p))
                .onFailure(e -> notifier.error("Export failed", "Could not write " + file + ": " + e.getMessage())));
    }

    /** Keeps the seed, the number of scenes and the browser's sort across restarts; call before the view is built. */
    public void remember(org.reflectlab.core.settings.Settings s) {
        new org.reflectlab.ui.kit.Remembered(s, "aphasia").value("seed", seedProperty(), Integer::valueOf, v -> setSeed(v.intValue()), "must be 0.." + MAX_SEED)
                .value("samples", samplesProperty(), Integer::valueOf, v -> setSamples(v.intValue()), "must be 2.." + AphasiaSettings.MAX_SAMPLES);
        settingsError.set(""); // a refused value is reported once by the shell; the panel starts clean
        // null (the mean attribute gap) is a value too, so the sort is stored by name
        s.get("aphasia.sortBy").ifPresent(v -> sortBy.set(v.equals("mean") ? null : java.util.Arrays.stream(Metric.values())
                .filter(m -> m.name().equals(v)).findFirst().orElse(null)));
        sortBy.addListener((o, a, b) -> s.put("aphasia.sortBy", b == null ? "mean" : b.name()));
    }
}
