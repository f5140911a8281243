package org.reflectlab.ui.scaling;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskHandle;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.scaling.Method;
import org.reflectlab.core.scaling.ScalingAnalysis;
import org.reflectlab.core.scaling.Sweep;
import org.reflectlab.core.scaling.SweepInputs;
import org.reflectlab.core.scaling.SweepRow;
import org.reflectlab.core.scaling.SweepSettings;
import org.reflectlab.core.scaling.SweepStore;
import org.reflectlab.ui.kit.Notifier;

/**
 * State and commands of the Scaling workspace: sweep setup, run/cancel/resume with progress and
 * ETA, the stored sweeps (one is current, others can be overlaid), the analysis of the current
 * one, optimal stopping for a cost weight, and the Compare-K grid for one prompt and seed.
 */
public final class ScalingViewModel {

    /** A stored sweep as read: its analysis, its row count and the lines of results.csv that could not be read. */
    public record Run(SweepStore store, ScalingAnalysis analysis, int rows, List<String> skipped) {
        @Override
        public String toString() {
            return store.name() + " (" + rows + " images)";
        }
    }

    private final TaskRunner runner;
    private final Notifier notifier;
    private final Supplier<Reflector> models;
    private final Supplier<Map<String, Object>> modelIds;
    private final Path sweepsRoot;
    private final List<PromptSet.Prompt> allPrompts;

    private final BooleanProperty bestOfN = new SimpleBooleanProperty(true);
    private final BooleanProperty reflect = new SimpleBooleanProperty(true);
    private final BooleanProperty ttt = new SimpleBooleanProperty(true);
    private final StringProperty ks = new SimpleStringProperty("1,2,4,8,12,16,20");
    private final IntegerProperty perCategory = new SimpleIntegerProperty(SweepSettings.DEFAULT_PER_CATEGORY);
    private final IntegerProperty seed = new SimpleIntegerProperty(1);
    private final StringProperty name = new SimpleStringProperty("");

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper modelsReady = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<Run> runs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Run> current = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Run> overlays = FXCollections.observableArrayList();
    private final ObservableList<SweepRow> pointRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper pointTitle = new ReadOnlyStringWrapper("Click a point to list the prompts behind it.");

    private final CompareKViewModel compareK;
    private final AnalysisViewModel analysis;
    private final SweepExports exports;

    private Reflector reflector;
    /** Extra copies of the models, one per further core, loaded on the first run. */
    private final List<Reflector> extraWorkers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final int workers = org.reflectlab.core.concurrent.WorkerLimit.forThisMachine(null).workers();
    private TaskHandle sweepHandle;

    public ScalingViewModel(TaskRunner runner, Notifier notifier, Supplier<Reflector> models,
                            Supplier<Map<String, Object>> modelIds, Path sweepsRoot, List<PromptSet.Prompt> allPrompts) {
        this.runner = runner;
        this.notifier = notifier;
        this.models = models;
        this.modelIds = modelIds;
        this.sweepsRoot = sweepsRoot;
        this.allPrompts = List.copyOf(allPrompts);
        this.compareK = new CompareKViewModel(runner, this.allPrompts);
        this.exports = new SweepExports(runner, notifier);
        this.analysis = new AnalysisViewModel(current.getReadOnlyProperty());
        name.set(suggestedName());
        for (var p : List.of(bestOfN, reflect, ttt)) {
            p.addListener((o, a, b) -> name.set(suggestedName()));
        }
        ks.addListener((o, a, b) -> name.set(suggestedName()));
        perCategory.addListener((o, a, b) -> name.set(suggestedName()));
        seed.addListener((o, a, b) -> name.set(suggestedName()));
    }

    // Lifecycle //

    /** Loads the models and the stored sweeps in the background; call once when the view opens. */
    public void open() {
        status.set("Loading the generator, critic and judge, and stored sweeps…");
        runner.submit(BackgroundTask.of("Loading scaling models", ctx -> {
            Reflector r = models.get();
            return new Loaded(r, loadRuns());
        }).onSuccess(l -> {
            reflector = l.reflector();
            modelsReady.set(true);
            runs.setAll(l.runs());
            if (!runs.isEmpty()) {
                current.set(runs.get(0));
            }
            status.set(runs.isEmpty() ? "Ready. Set up a sweep and press Run (Ctrl+R)."
                    : "Ready. Showing the latest stored sweep, '" + runs.get(0).store().name() + "'.");
        }).onFailure(e -> status.set("Scaling is unavailable: " + e.getMessage())));
    }

    private record Loaded(Reflector reflector, List<Run> runs) {
    }

    private List<Run> loadRuns() throws IOException {
        List<Run> out = new ArrayList<>();
        for (SweepStore s : SweepStore.list(sweepsRoot)) {
            out.add(toRun(s));
        }
        return out;
    }

    private static Run toRun(SweepStore s) throws IOException {
        SweepStore.Loaded loaded = s.load();
        List<SweepRow> rows = loaded.rows();
        return new Run(s, ScalingAnalysis.of(rows, s.settings().seed()), rows.size(), loaded.skipped());
    }

    // Sweep //

    public SweepSettings settings() {
        List<Method> methods = new ArrayList<>();
        if (bestOfN.get()) {
            methods.add(Method.BEST_OF_N);
        }
        if (reflect.get()) {
            // One reflection run answers both ways (last image, critic's pick); both are shown.
            methods.add(Method.REFLECT);
            methods.add(Method.REFLECT_PICK);
        }
        if (ttt.get()) {
            methods.add(Method.TEST_TIME_TRAINING);
        }
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one method.");
        }
        SweepSettings defaults = SweepSettings.defaults(seed.get());
        return new SweepSettings(methods, SweepSettings.parseKs(ks.get()), perCategory.get(), seed.get(),
                defaults.samplingSteps(), defaults.guidance(), defaults.contextSize());
    }

    private String suggestedName() {
        try {
            SweepSettings s = settings();
            return String.format(Locale.ROOT, "%s-k%d-p%d-seed%d", String.join("+", s.methods().stream().map(Method::id).toList()),
                    s.maxK(), s.perCategory(), s.seed());
        } catch (IllegalArgumentException e) {
            return name.get();
        }
    }

    /** Runs the sweep set up above; a sweep of the same name and settings resumes where it stopped. */
    public void run() {
        if (running.get() || !modelsReady.get()) {
            return;
        }
        SweepSettings s;
        String sweepName = name.get() == null ? "" : name.get().trim();
        try {
            s = settings();
            org.reflectlab.core.store.Names.check(sweepName, "The sweep name");
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        List<PromptSet.Prompt> prompts = SweepInputs.prompts(new PromptSet(0, allPrompts, 0), s.perCategory());
        Reflector r = reflector;
        running.set(true);
        progress.set(0);
        status.set("Starting sweep '" + sweepName + "'…");
        long t0 = System.nanoTime();
        sweepHandle = runner.submit(BackgroundTask.<Run>of("Scaling sweep " + sweepName, ctx -> {
            try (SweepStore store = SweepStore.open(sweepsRoot, sweepName, s, modelIds.get())) {
                store.notes().forEach(n -> ctx.onUiThread(() -> notifier.info(n)));
                while (extraWorkers.size() < workers - 1) {
                    ctx.message("loading a copy of the models for worker " + (extraWorkers.size() + 2));
                    extraWorkers.add(models.get());
                }
                List<Reflector> all = new ArrayList<>();
                all.add(r);
                all.addAll(extraWorkers.subList(0, workers - 1));
                long[] lastAnalysis = {System.nanoTime()};
                new Sweep(all).run(store, prompts, (done, total, what) -> {
                    double secs = (System.nanoTime() - t0) / 1e9;
                    String eta = done > 0 ? String.format(Locale.ROOT, ", ETA %s", duration(secs / done * (total - done))) : "";
                    ctx.progress(done, total);
                    ctx.message(what);
                    String line = String.format(Locale.ROOT, "%d of %d images%s · %s", done, total, eta, what);
                    double fraction = total == 0 ? 1 : done / (double) total;
                    ctx.onUiThread(() -> {
                        progress.set(fraction);
                        status.set(line);
                    });
                    if (System.nanoTime() - lastAnalysis[0] > 5e9) {
                        // Charts follow the sweep as it goes, a few times a minute.
                        lastAnalysis[0] = System.nanoTime();
                        try {
                            Run partial = toRun(store);
                            ctx.onUiThread(() -> show(partial));
                        } catch (IOException e) {
                            // a live chart update is not worth stopping the sweep for; the final read reports problems
                        }
                    }
                }, ctx::isCancelled);
                return toRun(store);
            }
        }).onSuccess(run -> {
            show(run);
            progress.set(1);
            status.set(String.format(Locale.ROOT, "Sweep '%s' done: %d images in %s.%s", run.store().name(), run.rows(),
                    duration((System.nanoTime() - t0) / 1e9), skippedNote(run)));
        }).onFailure(e -> {
            status.set("The sweep failed: " + e.getMessage() + " What is stored stays; Run resumes it.");
            notifier.error("Sweep failed", String.valueOf(e.getMessage()));
        }).onCancelled(() -> {
            status.set("Cancelled. Every finished prompt is stored; Run with the same name resumes the sweep.");
            reloadRuns(sweepName);
        }).onFinished(() -> running.set(false)));
    }

    /** " 2 lines of results.csv could not be read (line 3: ...)." or "". */
    static String skippedNote(Run run) {
        return run.skipped().isEmpty() ? "" : String.format(Locale.ROOT, " %d line(s) of %s could not be read and were left out "
                + "(%s).", run.skipped().size(), SweepStore.RESULTS, run.skipped().get(0));
    }

    public void cancel() {
        if (sweepHandle != null) {
            sweepHandle.cancel();
        }
        compareK.cancel();
    }

    private void show(Run run) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).store().dir().equals(run.store().dir())) {
                runs.set(i, run);
                overlays.remove(run);
                current.set(run);
                return;
            }
        }
        runs.add(0, run);
        current.set(run);
    }

    private void reloadRuns(String select) {
        runner.submit(BackgroundTask.of("Reading stored sweeps", ctx -> loadRuns()).hiddenFromTaskList().onSuccess(list -> {
            runs.setAll(list);
            list.stream().filter(r -> r.store().name().equals(select)).findFirst().ifPresent(current::set);
        }));
    }

    /**
     * Shows a stored sweep (its charts, fits and answers). The setup form is left as it is: taking a
     * sweep's settings into the form is a separate command, {@link #useSettingsOf(Run)}.
     */
    public void select(Run run) {
        if (run == null) {
            return;
        }
        current.set(run);
        overlays.remove(run);
    }

    /** Takes a stored sweep's settings and name into the setup form, so Run resumes (or extends) it; says so. */
    public void useSettingsOf(Run run) {
        if (run == null || running.get()) {
            return;
        }
        SweepSettings s = run.store().settings();
        bestOfN.set(s.methods().contains(Method.BEST_OF_N));
        reflect.set(s.methods().contains(Method.REFLECT));
        ttt.set(s.methods().contains(Method.TEST_TIME_TRAINING));
        ks.set(String.join(",", s.ks().stream().map(String::valueOf).toList()));
        perCategory.set(s.perCategory());
        seed.set((int) s.seed());
        name.set(run.store().name());
        status.set("The form now holds the settings of '" + run.store().name() + "'; Run resumes it.");
    }

    public void toggleOverlay(Run run) {
        if (overlays.contains(run)) {
            overlays.remove(run);
        } else if (run != current.get()) {
            overlays.add(run);
        }
    }

    // Analysis //

    /** Lists the prompts behind one measured point. */
    public void openPoint(Method method, int k) {
        Run run = current.get();
        if (run == null) {
            return;
        }
        runner.submit(BackgroundTask.of("Reading sweep rows", ctx -> run.store().rows()).hiddenFromTaskList().onSuccess(rows -> {
            pointRows.setAll(rows.stream().filter(r -> r.method() == method && r.k() == k).toList());
            long right = pointRows.stream().filter(r -> r.score() == 1).count();
            pointTitle.set(String.format(Locale.ROOT, "%s at K=%d: %d of %d images judged correct. Double-click a prompt to see its images in Compare K.",
                    method.label(), k, right, pointRows.size()));
        }));
    }

    /** Moves Compare K to a prompt and seed from the sweep (the seed box shows it too), and runs it. */
    public void compareRow(SweepRow row) {
        compareK.select(row.promptId());
        compareK.seedProperty().set(row.seed());
        runCompare();
    }

    // Compare K //

    public void runCompare() {
        if (!modelsReady.get()) {
            return;
        }
        try {
            compareK.run(reflector, settings(), status::set);
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
        }
    }

    public CompareKViewModel compareK() {
        return compareK;
    }

    /** The answers and optimal stopping derived from the current sweep's fits. */
    public AnalysisViewModel analysis() {
        return analysis;
    }

    // Export //

    public void exportCsv(Path file) {
        if (current.get() != null) {
            exports.csv(current.get(), file);
        }
    }

    public void exportJson(Path file) {
        if (current.get() != null) {
            exports.json(current.get(), file);
        }
    }

    /** Writes chart images the view captured into a folder, off the FX thread. */
    public void exportCharts(Map<String, java.awt.image.BufferedImage> images, Path dir) {
        exports.charts(images, dir);
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh %02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60) : s + " s";
    }

    // Properties //

    public BooleanProperty bestOfNProperty() {
        return bestOfN;
    }

    public BooleanProperty reflectProperty() {
        return reflect;
    }

    public BooleanProperty tttProperty() {
        return ttt;
    }

    public StringProperty ksProperty() {
        return ks;
    }

    public IntegerProperty perCategoryProperty() {
        return perCategory;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty modelsReadyProperty() {
        return modelsReady.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<Run> runs() {
        return runs;
    }

    public ReadOnlyObjectProperty<Run> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ObservableList<Run> overlays() {
        return overlays;
    }

    public ObservableList<SweepRow> pointRows() {
        return pointRows;
    }

    public ReadOnlyStringProperty pointTitleProperty() {
        return pointTitle.getReadOnlyProperty();
    }

    /** Keeps the sweep setup, the cost weight and Compare K's prompt and seed across restarts; call before the view is built. */
    public void remember(org.reflectlab.core.settings.Settings s) {
        new org.reflectlab.ui.kit.Remembered(s, "scaling").flag("bestOfN", bestOfN).flag("reflect", reflect).flag("ttt", ttt)
                .text("ks", ks).integer("perCategory", perCategory, PER_CATEGORY_RANGE).integer("seed", seed, SEED_RANGE)
                .text("name", name)
                .decimal("lambda", analysis.lambdaProperty(), AnalysisViewModel.LAMBDA_RANGE)
                .value("costUnit", analysis.costUnitProperty(), AnalysisViewModel.CostUnit::valueOf, "one of " + java.util.Arrays.toString(
                        AnalysisViewModel.CostUnit.values()))
                .text("comparePrompt", compareK.promptTextProperty())
                .value("compareSeed", compareK.seedProperty(), Long::valueOf, v -> {
                    if (v.longValue() < 0) {
                        return false;
                    }
                    compareK.seedProperty().set(v.longValue());
                    return true;
                }, "a seed of 0 or more");
    }

    /** What the controls accept; remembered values go through the same ranges. */
    public static final org.reflectlab.core.settings.Range PER_CATEGORY_RANGE = org.reflectlab.core.settings.Range.ints(1, 50);
    public static final org.reflectlab.core.settings.Range SEED_RANGE = org.reflectlab.core.settings.Range.ints(0, Integer.MAX_VALUE);

}
