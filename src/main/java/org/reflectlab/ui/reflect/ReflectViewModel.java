package org.reflectlab.ui.reflect;

import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.Batcher;
import org.reflectlab.core.concurrent.TaskHandle;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.core.reflect.ReflectSettings;
import org.reflectlab.core.reflect.ReflectionRun;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.ModelsState;
import org.reflectlab.ui.kit.Notifier;
import org.reflectlab.ui.kit.TextLine;
/**
 * The Reflect workspace: a prompt and reflection settings ({@link #form()}), a run that delivers iteration after
 * iteration as each is done, stepping through them ({@link #steps()}), and the same prompt and seed as best-of-K
 * (critic-selected) for comparison. Models load once, in the background.
 */
public final class ReflectViewModel {

    private final TaskRunner runner;
    private final Notifier notifier;
    private final Supplier<Reflector> models;
    private static final I18n.Message LOADING = new I18n.Message("reflect.models.loading");
    private final ObjectProperty<I18n.Message> modelMessage = new SimpleObjectProperty<>(new I18n.Message("reflect.models.pending"));
    private final ReadOnlyObjectWrapper<ModelsState> modelsState = new ReadOnlyObjectWrapper<>(new ModelsState.Loading(""));
    private final ReadOnlyStringWrapper modelStatus = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper modelsReady = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final TextLine status = new TextLine(null);
    private final ReadOnlyObjectWrapper<ReflectionRun> lastRun = new ReadOnlyObjectWrapper<>();
    private final ReflectFormViewModel form = new ReflectFormViewModel();
    private final IterationsViewModel steps = new IterationsViewModel();
    private final ReflectExports exports;
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
        exports = new ReflectExports(runner, notifier);
        changes = new ChangeViewModel(steps.iterations(), steps.selectedProperty());
        modelStatus.bind(I18n.textOf(modelMessage));
        modelsReady.bind(Bindings.createBooleanBinding(() -> modelsState.get() instanceof ModelsState.Ready, modelsState));
        critic = new CriticViewModel(runner, notifier, () -> reflector, steps.currentProperty(), lastRun.getReadOnlyProperty(),
                running.or(labsBusy));
        budget = new BudgetViewModel(runner, notifier, () -> reflector, form::settings, form::caption,
                running.or(labsBusy), form.promptErrorProperty().isNull(), modelsReady, form.samplingStepsProperty(),
                form.guidanceProperty());
        labsBusy.bind(critic.runningProperty().or(budget.runningProperty()));
        readers = new ReadersViewModel(steps.iterations(), steps.bestOfK(), steps.currentProperty());
        form.prediction().follow(running, lastRun); // a run starting takes the prediction, one finished reveals
        canRun = modelsReady.and(running.not()).and(form.promptErrorProperty().isNull()).and(labsBusy.not());
    }

    /** The toolbar: prompt and run settings. */
    public ReflectFormViewModel form() {
        return form;
    }

    /** The filmstrip: the run's iterations, the selected one, best-of-K's candidates. */
    public IterationsViewModel steps() {
        return steps;
    }

    /** What changed at the selected iteration, and what it was answering. */
    public ChangeViewModel changes() {
        return changes;
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

    /** Loads the reflection models in the background (when the view opens, and again when it returns after a release). */
    public void loadModels() {
        if (reflector != null || modelsReady.get() || loadingModels) {
            return;
        }
        loadingModels = true;
        models(ModelsState.Loading::new, LOADING);
        runner.submit(BackgroundTask.of(I18n.tr("reflect.task.load"), ctx -> models.get())
                .onFinished(() -> loadingModels = false)
                .onSuccess(r -> models(ModelsState.Ready::new, new I18n.Message("reflect.models.ready", (reflector = r).compute().criticCall(),
                        r.compute().decode())))
                .onFailure(e -> models(ModelsState.Unavailable::new, new I18n.Message("reflect.models.unavailable", e.getMessage()))));
    }

    /** The models' state, and its line as a message (so the line follows a language switch). */
    private void models(java.util.function.Function<String, ModelsState> kind, I18n.Message message) {
        modelMessage.set(message);
        modelsState.set(kind.apply(message.text()));
    }

    /**
     * The workspace was hidden a while: lets go of the models unless a run or a lab uses them (the registry frees them
     * once no workspace holds them); the iterations, the prompt and the settings stay. {@link #loadModels()} brings them back.
     */
    public void releaseModels() {
        if (reflector != null && !running.get() && !labsBusy.get()) {
            reflector = null;
            models(ModelsState.Loading::new, LOADING);
        }
    }

    /** Whether the models are held (for tests of the release). */
    public boolean modelsHeld() {
        return reflector != null;
    }

    // Properties //

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
        return status.text();
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public ReadOnlyObjectProperty<ReflectionRun> lastRunProperty() {
        return lastRun.getReadOnlyProperty();
    }

    /** The prompt of the last run started (the judge's category is shown from it). */
    public Caption runPrompt() {
        return runPrompt;
    }

    // Commands //

    public void run() {
        if (!canRun.get()) {
            return;
        }
        ReflectSettings settings;
        try {
            settings = form.settings();
        } catch (IllegalArgumentException e) {
            status.set(I18n.Message.literal(e.getMessage())); // the settings' own words (core, English)
            return;
        }
        Caption caption = form.caption();
        runPrompt = caption;
        steps.clear();
        lastRun.set(null);
        running.set(true);
        status.set("reflect.status.running");
        boolean withBaseline = form.compareProperty().get();
        Batcher<Iteration> arrivals = new Batcher<>(runner.uiExecutor(), steps::arrived);
        Reflector r = reflector;
        handle = runner.submit(BackgroundTask.<Result>of(I18n.tr("reflect.task.run", caption.text()), ctx -> {
            ReflectionRun run = r.reflect(caption, settings, it -> {
                arrivals.add(it);
                ctx.progress(it.k(), settings.k() * (withBaseline ? 2 : 1));
                ctx.message(I18n.tr("reflect.task.iteration", it.k()));
            }, ctx::isCancelled);
            Reflector.BestOfN bon = null;
            if (withBaseline && !ctx.isCancelled()) {
                ctx.message(I18n.tr("reflect.task.best-of", settings.k()));
                bon = r.bestOfN(caption, settings.k(), settings.seed(), settings.samplingSteps(), settings.guidance(),
                        ctx::isCancelled);
            }
            return new Result(run, bon);
        }).onSuccess(res -> {
            lastRun.set(res.run());
            if (res.bestOfN() != null) {
                steps.bestOf(res.bestOfN().candidates(), res.bestOfN().chosen());
            }
            status.set(RunSummary.of(res.run()));
        }).onFailure(e -> {
            status.set("reflect.status.failed", String.valueOf(e.getMessage()));
            notifier.error(I18n.tr("reflect.notify.failed"), String.valueOf(e.getMessage()));
        }).onCancelled(() -> status.set("reflect.status.cancelled", steps.iterations().size()))
                .onFinished(() -> running.set(false)));
    }

    /** The run and, if asked for, best-of-K on the same prompt and seed. */
    private record Result(ReflectionRun run, Reflector.BestOfN bestOfN) {
    }

    public void cancel() {
        handle.cancel();
    }

    public void exportStrip(Path file) {
        exports.strip(steps.iterations(), file);
    }

    public void exportJson(Path file) {
        exports.json(lastRun.get(), reflector == null ? null : reflector.compute(), form.prediction().predictionFor(lastRun.get()), file);
    }

    /** Keeps the prompt and the settings across restarts; call before the view is built. */
    public void remember(Settings s) {
        form.remember(s);
    }
}
