package org.reflectlab.ui.reflect;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
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
import org.reflectlab.core.concurrent.Batcher;
import org.reflectlab.core.concurrent.TaskHandle;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.data.ImageGrid;
import org.reflectlab.core.data.ParseError;
import org.reflectlab.core.data.ParseResult;
import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.core.reflect.ReflectSettings;
import org.reflectlab.core.reflect.ReflectionRun;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.reflect.RunExport;
import org.reflectlab.ui.kit.ModelsState;
import org.reflectlab.ui.kit.Notifier;

/**
 * The Reflect workspace: a prompt and reflection settings, a run that delivers iteration after
 * iteration as each is done, stepping through them, and the same prompt and seed as best-of-K
 * (critic-selected) for comparison. Models load once, in the background.
 */
public final class ReflectViewModel {

    private final TaskRunner runner;
    private final Notifier notifier;
    private final Supplier<Reflector> models;

    // Properties //
    private final StringProperty prompt = new SimpleStringProperty("a red circle left of a blue square");
    private final ReadOnlyObjectWrapper<ParseError> promptError = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty k = new SimpleIntegerProperty(10);
    private final IntegerProperty seed = new SimpleIntegerProperty(1);
    private final IntegerProperty samplingSteps = new SimpleIntegerProperty(8);
    private final IntegerProperty contextSize = new SimpleIntegerProperty(3);
    private final javafx.beans.property.DoubleProperty guidance = new javafx.beans.property.SimpleDoubleProperty(ReflectSettings.DEFAULT_GUIDANCE);
    private final BooleanProperty earlyStop = new SimpleBooleanProperty(true);
    private final BooleanProperty compare = new SimpleBooleanProperty(true);

    private final ReadOnlyObjectWrapper<ModelsState> modelsState = new ReadOnlyObjectWrapper<>(new ModelsState.Loading("Loading models…"));
    private final ReadOnlyStringWrapper modelStatus = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper modelsReady = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<Iteration> iterations = FXCollections.observableArrayList();
    // One read-only view each, kept: listeners on a throw-away unmodifiable wrapper are lost when it is collected.
    private final ObservableList<Iteration> iterationsView = FXCollections.unmodifiableObservableList(iterations);
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(-1);
    private final ObservableList<Iteration> bestOfK = FXCollections.observableArrayList();
    private final ObservableList<Iteration> bestOfKView = FXCollections.unmodifiableObservableList(bestOfK);
    private final ReadOnlyIntegerWrapper bestChosen = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<ReflectionRun> lastRun = new ReadOnlyObjectWrapper<>();

    private final ObjectBinding<Iteration> current;
    private final ChangeViewModel changes;
    private final BooleanBinding canRun;
    /** The labs beside the run (be the critic, one budget, the readers); one model set serves them all, one task at a time. */
    private final CriticViewModel critic;
    private final BudgetViewModel budget;
    private final ReadersViewModel readers;
    private final BooleanProperty labsBusy = new SimpleBooleanProperty();
    private Reflector reflector;
    private boolean loadingModels;
    private TaskHandle handle = TaskHandle.DONE;
    private Caption runPrompt;

    public ReflectViewModel(TaskRunner runner, Notifier notifier, Supplier<Reflector> models) {
        this.runner = runner;
        this.notifier = notifier;
        this.models = models;
        current = Bindings.createObjectBinding(() -> {
            int i = selected.get();
            return i >= 0 && i < iterations.size() ? iterations.get(i) : null;
        }, selected, iterations);
        changes = new ChangeViewModel(iterationsView, selected.getReadOnlyProperty());
        prompt.addListener((o, a, b) -> validate());
        validate();
        modelStatus.bind(Bindings.createStringBinding(() -> modelsState.get().message(), modelsState));
        modelsReady.bind(Bindings.createBooleanBinding(() -> modelsState.get() instanceof ModelsState.Ready, modelsState));
        critic = new CriticViewModel(runner, notifier, () -> reflector, current, lastRun.getReadOnlyProperty(), running.or(labsBusy));
        budget = new BudgetViewModel(runner, notifier, () -> reflector, this::settings, () -> CaptionParser.parse(prompt.get()).caption(),
                running.or(labsBusy), promptError.isNull(), modelsReady, samplingSteps, guidance);
        labsBusy.bind(critic.runningProperty().or(budget.runningProperty()));
        readers = new ReadersViewModel(iterationsView, bestOfKView, current);
        canRun = modelsReady.and(running.not()).and(promptError.isNull()).and(labsBusy.not());
    }

    public CriticViewModel critic() {
        return critic;
    }

    public BudgetViewModel budget() {
        return budget;
    }

    public ReadersViewModel readers() {
        return readers;
    }

    /** The settings as set; throws IllegalArgumentException with the reason when they are not valid. */
    ReflectSettings settings() {
        return new ReflectSettings(k.get(), seed.get(), samplingSteps.get(), contextSize.get(), earlyStop.get(), guidance.get());
    }

    /** Loads the reflection models in the background (when the view opens, and again when it returns after a release). */
    public void loadModels() {
        if (reflector != null || modelsReady.get() || loadingModels) {
            return;
        }
        loadingModels = true;
        modelsState.set(new ModelsState.Loading("Loading the generator, critic, judge and unified model…"));
        runner.submit(BackgroundTask.of("Loading reflection models", ctx -> models.get())
                .onFinished(() -> loadingModels = false)
                .onSuccess(r -> {
                    reflector = r;
                    modelsState.set(new ModelsState.Ready(String.format("Ready. Compute is counted in generator evaluations (NFE): a "
                            + "sampling step is 1 NFE (2 with guidance), a critic call %.2f, decoding an image %.2f.",
                            r.compute().criticCall(), r.compute().decode())));
                })
                .onFailure(e -> modelsState.set(new ModelsState.Unavailable("Reflection is unavailable: " + e.getMessage()))));
    }

    /**
     * The workspace was hidden a while: lets go of the models unless a run or a lab uses them (the registry frees them
     * once no workspace holds them); the iterations, the prompt and the settings stay. {@link #loadModels()} brings them back.
     */
    public void releaseModels() {
        if (reflector != null && !running.get() && !labsBusy.get()) {
            reflector = null;
            modelsState.set(new ModelsState.Loading("Loading the generator, critic, judge and unified model…"));
        }
    }

    /** Whether the models are held (for tests of the release). */
    public boolean modelsHeld() {
        return reflector != null;
    }

    // Properties //

    public StringProperty promptProperty() {
        return prompt;
    }

    public ReadOnlyObjectProperty<ParseError> promptErrorProperty() {
        return promptError.getReadOnlyProperty();
    }

    public IntegerProperty kProperty() {
        return k;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public IntegerProperty samplingStepsProperty() {
        return samplingSteps;
    }

    public IntegerProperty contextSizeProperty() {
        return contextSize;
    }

    /** Classifier-free guidance scale (1 = none; otherwise a step costs two network evaluations). */
    public javafx.beans.property.DoubleProperty guidanceProperty() {
        return guidance;
    }

    public BooleanProperty earlyStopProperty() {
        return earlyStop;
    }

    /** Also run best-of-K with the same prompt and seed, for the side-by-side. */
    public BooleanProperty compareProperty() {
        return compare;
    }

    /** Loading, ready or unavailable (with why): the view styles by the kind, the label shows the message. */
    public ReadOnlyObjectProperty<ModelsState> modelsStateProperty() {
        return modelsState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelStatusProperty() {
        return modelStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty modelsReadyProperty() {
        return modelsReady.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Changed on the UI thread only, one iteration at a time as each is done. */
    public ObservableList<Iteration> iterations() {
        return iterationsView;
    }

    public ReadOnlyIntegerProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ObjectBinding<Iteration> currentProperty() {
        return current;
    }

    /** What changed at the selected iteration, and what it was answering. */
    public ChangeViewModel changes() {
        return changes;
    }

    /** The filmstrip's mark for iteration {@code index}: fix, break, critic-vs-judge. */
    public IterationMark mark(int index) {
        return IterationMark.of(iterations, index);
    }

    public ObservableList<Iteration> bestOfK() {
        return bestOfKView;
    }

    public ReadOnlyIntegerProperty bestChosenProperty() {
        return bestChosen.getReadOnlyProperty();
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public ReadOnlyObjectProperty<ReflectionRun> lastRunProperty() {
        return lastRun.getReadOnlyProperty();
    }

    // Commands //

    public void run() {
        if (!canRun.get()) {
            return;
        }
        ReflectSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        Caption caption = CaptionParser.parse(prompt.get()).caption();
        runPrompt = caption;
        iterations.clear();
        bestOfK.clear();
        bestChosen.set(-1);
        selected.set(-1);
        lastRun.set(null);
        running.set(true);
        status.set("Reflecting…");
        boolean withBaseline = compare.get();
        Batcher<Iteration> arrivals = new Batcher<>(runner.uiExecutor(), batch -> {
            iterations.addAll(batch);
            selected.set(iterations.size() - 1);
        });
        Reflector r = reflector;
        handle = runner.submit(BackgroundTask.<Result>of("Reflect-DiT: " + caption.text(), ctx -> {
            ReflectionRun run = r.reflect(caption, settings, it -> {
                arrivals.add(it);
                ctx.progress(it.k(), settings.k() * (withBaseline ? 2 : 1));
                ctx.message("iteration " + it.k());
            }, ctx::isCancelled);
            Reflector.BestOfN bon = null;
            if (withBaseline && !ctx.isCancelled()) {
                ctx.message("best-of-" + settings.k());
                bon = r.bestOfN(caption, settings.k(), settings.seed(), settings.samplingSteps(), settings.guidance(),
                        ctx::isCancelled);
            }
            return new Result(run, bon);
        }).onSuccess(res -> {
            lastRun.set(res.run());
            if (res.bestOfN() != null) {
                bestOfK.setAll(res.bestOfN().candidates());
                bestChosen.set(res.bestOfN().chosen());
            }
            status.set(summary(res.run()));
        }).onFailure(e -> {
            status.set("Reflection failed: " + e.getMessage());
            notifier.error("Reflection failed", String.valueOf(e.getMessage()));
        }).onCancelled(() -> status.set("Cancelled after " + iterations.size() + " iteration(s); they stay here to step through."))
                .onFinished(() -> running.set(false)));
    }

    /** The run and, if asked for, best-of-K on the same prompt and seed. */
    private record Result(ReflectionRun run, Reflector.BestOfN bestOfN) {
    }

    public void cancel() {
        handle.cancel();
    }

    public void select(int index) {
        if (index >= 0 && index < iterations.size()) {
            selected.set(index);
        }
    }

    public void next() {
        select(selected.get() + 1);
    }

    public void previous() {
        select(selected.get() - 1);
    }

    public void first() {
        select(0);
    }

    public void last() {
        select(iterations.size() - 1);
    }

    public boolean atEnd() {
        return selected.get() >= iterations.size() - 1;
    }

    /** The iteration before the current one (to diff against), or null. */
    public Iteration previousOfCurrent() {
        int i = selected.get();
        return i > 0 && i - 1 < iterations.size() ? iterations.get(i - 1) : null;
    }

    public void exportStrip(Path file) {
        List<Iteration> its = List.copyOf(iterations);
        if (its.isEmpty()) {
            notifier.error("Nothing to export", "Run reflection first.");
            return;
        }
        runner.submit(BackgroundTask.of("Exporting " + file.getFileName(), ctx -> {
            ImageGrid.writePng(RunExport.strip(its), file);
            return file;
        }).onSuccess(p -> notifier.info("Saved " + p)).onFailure(e -> notifier.error("Export failed",
                "Could not write " + file + ": " + e.getMessage())));
    }

    public void exportJson(Path file) {
        ReflectionRun run = lastRun.get();
        if (run == null) {
            notifier.error("Nothing to export", "Finish a reflection run first.");
            return;
        }
        if (reflector == null) {
            notifier.error("Models loading", "Export again when the models are loaded.");
            return;
        }
        var map = RunExport.toMap(run, reflector.compute());
        runner.submit(BackgroundTask.of("Exporting " + file.getFileName(), ctx -> {
            RunExport.writeJson(map, file);
            return file;
        }).onSuccess(p -> notifier.info("Saved " + p)).onFailure(e -> notifier.error("Export failed",
                "Could not write " + file + ": " + e.getMessage())));
    }

    public Caption runPrompt() {
        return runPrompt;
    }

    private void validate() {
        ParseResult r = CaptionParser.parse(prompt.get());
        if (r.ok() && !org.reflectlab.core.nn.generator.Generator.fits(r.caption())) {
            promptError.set(new ParseError(org.reflectlab.core.nn.generator.Generator.tooLong(r.caption()), 0, 0, null));
            return;
        }
        promptError.set(r.ok() ? null : r.error());
    }

    private static String summary(ReflectionRun run) {
        Iteration last = run.last();
        if (last == null) {
            return "No iterations.";
        }
        String how = run.stoppedEarly() ? "the critic said correct at iteration " + last.k()
                : "K=" + run.settings().k() + " iterations spent";
        return String.format("Done: %s; the judge says the final image is %s; %.1f NFE.", how,
                last.judgeCorrect() ? "correct" : "wrong", run.nfe());
    }

    /** Keeps the prompt and the settings across restarts; call before the view is built. */
    public void remember(org.reflectlab.core.settings.Settings s) {
        new org.reflectlab.ui.kit.Remembered(s, "reflect").text("prompt", prompt).integer("k", k, K_RANGE).integer("seed", seed, SEED_RANGE)
                .integer("steps", samplingSteps, STEPS_RANGE).integer("context", contextSize, CONTEXT_RANGE)
                .decimal("guidance", guidance, GUIDANCE_RANGE).flag("earlyStop", earlyStop).flag("compare", compare);
    }

    /** What the controls accept; remembered values go through the same ranges. */
    public static final org.reflectlab.core.settings.Range K_RANGE = org.reflectlab.core.settings.Range.ints(1, org.reflectlab.core.reflect.ReflectSettings.MAX_K);
    public static final org.reflectlab.core.settings.Range SEED_RANGE = org.reflectlab.core.settings.Range.ints(1, 999_999);
    public static final org.reflectlab.core.settings.Range STEPS_RANGE = org.reflectlab.core.settings.Range.ints(1, 50);
    public static final org.reflectlab.core.settings.Range CONTEXT_RANGE = org.reflectlab.core.settings.Range.ints(1, 3);
    public static final org.reflectlab.core.settings.Range GUIDANCE_RANGE = org.reflectlab.core.settings.Range.reals(1, 6);
}
