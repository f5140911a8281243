package org.reflectlab.ui.scaling;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskHandle;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.concurrent.WorkerLimit;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.scaling.Sweep;
import org.reflectlab.core.scaling.SweepInputs;
import org.reflectlab.core.scaling.SweepRow;
import org.reflectlab.core.scaling.SweepSession;
import org.reflectlab.core.scaling.SweepSettings;
import org.reflectlab.core.scaling.SweepStore;
import org.reflectlab.core.scaling.SweepWorkers;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Notifier;
import org.reflectlab.ui.kit.Remembered;
import org.reflectlab.ui.kit.TextLine;

/**
 * The Scaling workspace: run/cancel/resume a sweep (a {@link SweepSession}, which the CLI runs too)
 * with progress and ETA, over the setup form, the stored sweeps, the analysis of the current one
 * and the Compare-K grid for one prompt and seed.
 */
public final class ScalingViewModel {

    /** How often the charts follow a running sweep. */
    private static final Duration CHART_PERIOD = Duration.ofSeconds(5);

    private final TaskRunner runner;
    private final Notifier notifier;
    private final Supplier<Map<String, Object>> modelIds;
    private final Path sweepsRoot;
    private final List<PromptSet.Prompt> allPrompts;
    private final ScalingModels models;
    private final int workerCount = WorkerLimit.forThisMachine(null).workers();

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final TextLine status = new TextLine(null); // a message: the line follows a language switch

    private final SweepSetupViewModel setup = new SweepSetupViewModel();
    private final StoredSweeps stored;
    private final CompareKViewModel compareK;
    private final AnalysisViewModel analysis;
    private final SweepExports exports;

    private TaskHandle sweepHandle;
    public ScalingViewModel(TaskRunner runner, Notifier notifier, Supplier<Reflector> models,
                            Supplier<Map<String, Object>> modelIds, Path sweepsRoot, List<PromptSet.Prompt> allPrompts) {
        this.runner = runner;
        this.notifier = notifier;
        this.models = new ScalingModels(runner, new SweepWorkers(models::get));
        this.modelIds = modelIds;
        this.sweepsRoot = sweepsRoot;
        this.allPrompts = List.copyOf(allPrompts);
        this.stored = new StoredSweeps(runner, sweepsRoot);
        this.compareK = new CompareKViewModel(runner, this.allPrompts);
        this.exports = new SweepExports(runner, notifier);
        this.analysis = new AnalysisViewModel(stored.currentProperty());
        setup.prediction().follow(runner, running, setup::trimmedName, stored.currentProperty()); // taken at Run, kept with the sweep
    }

    // Lifecycle //

    /** Loads the models and the stored sweeps in the background; call once when the view opens. */
    public void open() {
        status.set("scaling.status.loading");
        runner.submit(BackgroundTask.of(I18n.tr("scaling.task.load"), ctx -> new Loaded(models.workers().first(), stored.read())).onSuccess(l -> {
            models.loaded(l.reflector());
            stored.setAll(l.runs());
            status.set(l.runs().isEmpty() ? new I18n.Message("scaling.status.ready")
                    : new I18n.Message("scaling.status.ready-stored", l.runs().get(0).store().name()));
        }).onFailure(e -> status.set("scaling.status.unavailable", String.valueOf(e.getMessage()))));
    }

    private record Loaded(Reflector reflector, List<StoredSweeps.Run> runs) {
    }

    /**
     * The workspace was hidden a while: lets go of the models unless a sweep or Compare K uses them; the stored sweeps,
     * the charts and the form stay. {@link #rebuild()} loads them back on a worker (the status line is left as it was).
     */
    public void release() {
        models.release(running.get() || compareK.comparingProperty().get());
    }

    public void rebuild() {
        models.rebuild(e -> status.set("scaling.status.unavailable", String.valueOf(e.getMessage())));
    }

    boolean modelsHeld() { // for tests of the release
        return models.held();
    }

    // Sweep //

    /** Runs the sweep set up in {@link #setup()}; a sweep of the same name and settings resumes where it stopped. */
    public void run() {
        if (running.get() || !models.readyProperty().get()) {
            return;
        }
        I18n.Message problem = setup.problem();
        if (problem != null) {
            status.set(problem);
            return;
        }
        SweepSettings s = setup.settings();
        String sweepName = setup.trimmedName();
        List<PromptSet.Prompt> prompts = SweepInputs.prompts(new PromptSet(0, allPrompts, 0), s.perCategory());
        running.set(true);
        progress.set(0);
        status.set("scaling.status.starting", sweepName);
        sweepHandle = runner.submit(BackgroundTask.<Finished>of(I18n.tr("scaling.task.sweep", sweepName), ctx -> {
            try (SweepStore store = SweepStore.open(sweepsRoot, sweepName, s, modelIds.get())) {
                Sweep sweep = new Sweep(models.workers().take(workerCount, ctx::message));
                SweepSession.Outcome outcome = new SweepSession(sweep, CHART_PERIOD, true).run(store, prompts,
                        new SweepFeed(ctx, notifier, store, progress, status, stored::show), ctx::isCancelled);
                return new Finished(StoredSweeps.Run.of(store, outcome.loaded()), outcome);
            }
        }).onSuccess(f -> {
            stored.show(f.run());
            progress.set(1);
            status.set("scaling.status.done", f.run().store().name(), f.outcome().summary(),
                    SweepSession.duration(f.outcome().seconds()), f.run().skippedNote());
        }).onFailure(e -> {
            status.set("scaling.status.failed", String.valueOf(e.getMessage()));
            notifier.error(I18n.tr("scaling.notify.failed"), String.valueOf(e.getMessage()));
        }).onCancelled(() -> {
            status.set("scaling.status.cancelled");
            stored.reload(sweepName);
        }).onFinished(() -> running.set(false)));
    }

    private record Finished(StoredSweeps.Run run, SweepSession.Outcome outcome) {
    }

    public void cancel() {
        if (sweepHandle != null) {
            sweepHandle.cancel();
        }
        compareK.cancel();
    }

    /** Takes a stored sweep's settings and name into the setup form, so Run resumes (or extends) it; says so. */
    public void useSettingsOf(StoredSweeps.Run run) {
        if (run == null || running.get()) {
            return;
        }
        setup.take(run.store().settings(), run.store().name());
        status.set("scaling.status.took-settings", run.store().name());
    }

    // Compare K //

    /** Moves Compare K to a prompt and seed from the sweep (the seed box shows it too), and runs it. */
    public void compareRow(SweepRow row) {
        compareK.select(row.promptId());
        compareK.seedProperty().set(row.seed());
        runCompare();
    }

    public void runCompare() {
        if (!models.readyProperty().get()) {
            return;
        }
        try {
            compareK.run(models.reflector(), setup.settings(), status::set);
        } catch (IllegalArgumentException e) {
            status.set(I18n.Message.literal(e.getMessage()));
        }
    }

    // Export //

    public void exportCsv(Path file) {
        if (stored.currentProperty().get() != null) {
            exports.csv(stored.currentProperty().get(), file);
        }
    }

    public void exportJson(Path file) {
        if (stored.currentProperty().get() != null) {
            exports.json(stored.currentProperty().get(), file);
        }
    }

    /** Writes chart images the view captured into a folder, off the FX thread. */
    public void exportCharts(Map<String, RgbImage> images, Path dir) {
        exports.charts(images, dir);
    }

    // Parts and properties //

    public SweepSetupViewModel setup() {
        return setup;
    }

    public StoredSweeps stored() {
        return stored;
    }

    public CompareKViewModel compareK() {
        return compareK;
    }

    /** The answers and optimal stopping derived from the current sweep's fits. */
    public AnalysisViewModel analysis() {
        return analysis;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty modelsReadyProperty() {
        return models.readyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.text();
    }

    /** Keeps the sweep setup, the cost weight and Compare K's prompt and seed across restarts; call before the view is built. */
    public void remember(Settings s) {
        Remembered r = new Remembered(s, "scaling");
        setup.remember(r);
        analysis.remember(r);
        compareK.remember(r);
    }
}
