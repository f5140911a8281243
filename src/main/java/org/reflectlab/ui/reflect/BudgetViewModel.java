package org.reflectlab.ui.reflect;

import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.reflect.EqualBudget;
import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.core.reflect.ReflectSettings;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Notifier;
import org.reflectlab.ui.kit.TextLine;

/**
 * One budget, side by side: an NFE budget, what it buys of reflection and of best-of-N at the
 * current settings, and both run on the current prompt and seed at exactly that budget.
 */
public final class BudgetViewModel {

    /** The slider reaches this many images' worth of compute. */
    static final int MAX_IMAGES = 20;

    private final TaskRunner runner;
    private final Notifier notifier;
    private final Supplier<Reflector> models;
    private final Supplier<ReflectSettings> settings;
    private final Supplier<Caption> prompt;
    private final Observable[] settingsChange;

    // Properties //
    private final DoubleProperty budget = new SimpleDoubleProperty(0);
    private final ObjectBinding<double[]> bounds;
    private final StringBinding buys;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final TextLine status = new TextLine(null);
    private final ReadOnlyObjectWrapper<EqualBudget.Result> result = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canRun;

    BudgetViewModel(TaskRunner runner, Notifier notifier, Supplier<Reflector> models, Supplier<ReflectSettings> settings,
                    Supplier<Caption> prompt, ObservableBooleanValue modelsBusy, ObservableBooleanValue promptOk, Observable... settingsChange) {
        this.runner = runner;
        this.notifier = notifier;
        this.models = models;
        this.settings = settings;
        this.prompt = prompt;
        this.settingsChange = settingsChange;
        bounds = Bindings.createObjectBinding(this::computeBounds, settingsChange);
        bounds.addListener((o, a, b) -> clampBudget());
        clampBudget();
        buys = Bindings.createStringBinding(this::describe, budget, bounds, I18n.localeProperty());
        canRun = Bindings.createBooleanBinding(() -> bounds.get() != null && !modelsBusy.get() && promptOk.get(), bounds, modelsBusy, promptOk)
                .and(running.not());
    }

    // Properties //

    /** The budget in generator evaluations (NFE). */
    public DoubleProperty budgetProperty() {
        return budget;
    }

    /** {min, max} of the budget at the current settings; null until the models are loaded. */
    public ObjectBinding<double[]> boundsProperty() {
        return bounds;
    }

    /** What the budget buys of each method. */
    public StringBinding buysProperty() {
        return buys;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.text();
    }

    public ReadOnlyObjectProperty<EqualBudget.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    // Commands //

    public void run() {
        if (!canRun.get()) {
            return;
        }
        ReflectSettings s;
        EqualBudget b;
        try {
            s = settings.get();
            b = EqualBudget.of(models.get().compute(), s, budget.get());
        } catch (IllegalArgumentException e) {
            status.set(I18n.Message.literal(e.getMessage())); // the settings' own words (core, English)
            return;
        }
        Caption p = prompt.get();
        Reflector r = models.get();
        result.set(null);
        running.set(true);
        status.set("reflect.budget.running", b.budget());
        runner.submit(BackgroundTask.of(I18n.tr("reflect.budget.task", b.candidates()), ctx -> {
            ctx.message(I18n.tr("reflect.budget.task.both", b.candidates()));
            return b.run(r, p, s, it -> ctx.message(I18n.tr("reflect.budget.task.iteration", it.k())), ctx::isCancelled);
        }).onSuccess(res -> {
            result.set(res);
            status.set(summary(res));
        }).onFailure(e -> {
            status.set("reflect.budget.failed", String.valueOf(e.getMessage()));
            notifier.error(I18n.tr("reflect.budget.failed.title"), String.valueOf(e.getMessage()));
        }).onFinished(() -> running.set(false)));
    }

    private double[] computeBounds() {
        // read every dependency: a bound property nobody reads stays invalid and never reports its next change
        for (Observable o : settingsChange) {
            if (o instanceof javafx.beans.value.ObservableValue<?> v) {
                v.getValue();
            }
        }
        Reflector r = models.get();
        if (r == null) {
            return null;
        }
        try {
            double min = EqualBudget.minimum(r.compute(), settings.get());
            return new double[] {min, MAX_IMAGES * min};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void clampBudget() {
        double[] b = bounds.get();
        if (b != null && (budget.get() < b[0] || budget.get() > b[1])) {
            budget.set(Math.min(b[1], 5 * b[0]));
        }
    }

    private String describe() {
        double[] b = bounds.get();
        Reflector r = models.get();
        if (b == null || r == null) {
            return I18n.tr("reflect.budget.none");
        }
        try {
            EqualBudget e = EqualBudget.of(r.compute(), settings.get(), budget.get());
            return I18n.tr("reflect.budget.buys", e.budget(), e.iterations(), e.reflectionCost(e.iterations()), e.candidates(),
                    e.candidates() * e.imageNfe(), e.imageNfe(), e.encodeNfe());
        } catch (IllegalArgumentException ex) {
            return ex.getMessage();
        }
    }

    static I18n.Message summary(EqualBudget.Result res) {
        Iteration last = res.reflection().last();
        Iteration pick = res.bestOfN().choice();
        long judgedRight = res.bestOfN().candidates().stream().filter(Iteration::judgeCorrect).count();
        return new I18n.Message("reflect.budget.summary", res.budget().budget(), last == null ? 0 : last.k(), res.reflection().nfe(),
                verdict(last != null && last.judgeCorrect()), res.bestOfN().candidates().size(), pick == null ? 0 : pick.k(),
                verdict(pick != null && pick.judgeCorrect()), judgedRight, res.bestOfN().candidates().size());
    }

    private static I18n.Message verdict(boolean correct) {
        return new I18n.Message(correct ? "reflect.judge.correct" : "reflect.judge.wrong");
    }
}
