package org.reflectlab.ui.reflect;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.Batcher;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.data.ParseError;
import org.reflectlab.core.nn.generator.FeedbackVocabulary;
import org.reflectlab.core.reflect.ContextWords;
import org.reflectlab.core.reflect.CriticPresets;
import org.reflectlab.core.reflect.FeedbackCheck;
import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.core.reflect.ReflectionRun;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Notifier;
import org.reflectlab.ui.kit.TextLine;

/**
 * Be the critic: give the selected iteration of the last run other feedback (a preset or one's own
 * words, checked against what the generator can read) and re-run reflection from there, beside
 * what the critic's own words led to.
 */
public final class CriticViewModel {

    private final TaskRunner runner;
    private final Notifier notifier;
    private final Supplier<Reflector> models;
    private final ObservableValue<Iteration> current;
    private final ObservableValue<ReflectionRun> run;

    // Properties //
    private final StringProperty words = new SimpleStringProperty("");
    private final ObjectProperty<CriticPresets.Preset> preset = new SimpleObjectProperty<>(CriticPresets.Preset.CRITIC);
    private final ReadOnlyObjectWrapper<ParseError> error = new ReadOnlyObjectWrapper<>();
    private final TextLine reads = new TextLine(null);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final TextLine status = new TextLine(null);
    private final ReadOnlyObjectWrapper<Edited> result = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Iteration> rerun = FXCollections.observableArrayList();
    private final ObservableList<Iteration> rerunView = FXCollections.unmodifiableObservableList(rerun);
    private final BooleanBinding canRerun;
    private boolean applying;

    /** A finished re-run: the edited iteration, the edit, and the run it gave. */
    public record Edited(int at, Reflector.FeedbackEdit edit, ReflectionRun before, ReflectionRun after) {

        public List<ContextWords.Pair> readBy(Iteration it) {
            return ContextWords.read(after, it, at, edit);
        }
    }

    CriticViewModel(TaskRunner runner, Notifier notifier, Supplier<Reflector> models, ObservableValue<Iteration> current,
                    ObservableValue<ReflectionRun> run, ObservableBooleanValue modelsBusy) {
        this.runner = runner;
        this.notifier = notifier;
        this.models = models;
        this.current = current;
        this.run = run;
        words.addListener((o, a, b) -> {
            if (!applying) {
                preset.set(null);
            }
            check();
        });
        current.addListener((o, a, b) -> applyPreset(CriticPresets.Preset.CRITIC));
        run.addListener((o, a, b) -> applyPreset(CriticPresets.Preset.CRITIC));
        canRerun = Bindings.createBooleanBinding(() -> current.getValue() != null && run.getValue() != null
                && run.getValue().iterations().contains(current.getValue()) && error.get() == null, current, run, error)
                .and(running.not()).and(Bindings.createBooleanBinding(() -> !modelsBusy.get(), modelsBusy));
        check();
    }

    // Properties //

    /** The feedback for the selected iteration: sentences separated by ';'. */
    public StringProperty wordsProperty() {
        return words;
    }

    /** The preset the words came from; null once the learner edits them. */
    public ReadOnlyObjectProperty<CriticPresets.Preset> presetProperty() {
        return preset;
    }

    public ReadOnlyObjectProperty<ParseError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the generator will read of the words: the tokens, and those cut. */
    public ReadOnlyStringProperty readsProperty() {
        return reads.text();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.text();
    }

    /** The iterations after the edited one, as they arrive. */
    public ObservableList<Iteration> rerunIterations() {
        return rerunView;
    }

    public ReadOnlyObjectProperty<Edited> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public BooleanBinding canRerunProperty() {
        return canRerun;
    }

    // Commands //

    public void applyPreset(CriticPresets.Preset p) {
        Iteration it = current.getValue();
        ReflectionRun r = run.getValue();
        applying = true;
        try {
            words.set(it == null || r == null ? "" : String.join("; ", CriticPresets.edit(p, r.prompt(), it).words()));
            preset.set(p);
        } finally {
            applying = false;
        }
        check();
    }

    public void applySuggestion() {
        ParseError e = error.get();
        if (e != null && e.suggestion() != null) {
            words.set(e.applySuggestion(words.get()));
        }
    }

    public void rerun() {
        if (!canRerun.get()) {
            return;
        }
        ReflectionRun before = run.getValue();
        Iteration it = current.getValue();
        Reflector.FeedbackEdit edit = edit(before, it);
        rerun.clear();
        result.set(null);
        running.set(true);
        status.set("reflect.critic.rerunning", it.k());
        Batcher<Iteration> arrivals = new Batcher<>(runner.uiExecutor(), rerun::addAll);
        Reflector r = models.get();
        runner.submit(BackgroundTask.of(I18n.tr("reflect.critic.task", it.k()), ctx -> r.reflectFrom(before, it.k(), edit, x -> {
            arrivals.add(x);
            ctx.message(I18n.tr("reflect.task.iteration", x.k()));
        }, ctx::isCancelled)).onSuccess(after -> {
            result.set(new Edited(it.k(), edit, before, after));
            status.set(summary(before, after, it.k()));
        }).onFailure(e -> {
            status.set("reflect.critic.failed", String.valueOf(e.getMessage()));
            notifier.error(I18n.tr("reflect.critic.failed.title"), String.valueOf(e.getMessage()));
        }).onFinished(() -> running.set(false)));
    }

    private Reflector.FeedbackEdit edit(ReflectionRun r, Iteration it) {
        if (preset.get() != null) {
            return CriticPresets.edit(preset.get(), r.prompt(), it);
        }
        List<String> sentences = FeedbackCheck.check(words.get()).sentences();
        return sentences.isEmpty() ? CriticPresets.edit(CriticPresets.Preset.NONE, r.prompt(), it) : Reflector.FeedbackEdit.words(sentences);
    }

    private void check() {
        if (preset.get() == CriticPresets.Preset.NONE || words.get().isBlank()) {
            error.set(null);
            reads.set("reflect.critic.reads.none");
            return;
        }
        FeedbackCheck.Result r = FeedbackCheck.check(words.get());
        error.set(r.error());
        String read = String.join(" ", r.read()).replace(FeedbackVocabulary.SEP, "|"); // the generator's own tokens
        reads.set(!r.ok() ? null : r.cut() > 0 ? new I18n.Message("reflect.critic.reads.cut", read, r.cut(), FeedbackVocabulary.MAX_TOKENS)
                : new I18n.Message("reflect.critic.reads", read));
    }

    private static I18n.Message summary(ReflectionRun before, ReflectionRun after, int k) {
        return new I18n.Message("reflect.critic.summary", k, verdict(after, k), verdict(before, k), difference(before, after, k));
    }

    /** How far apart the two chains' first re-drawn images are: the feedback's whole effect. */
    private static I18n.Message difference(ReflectionRun before, ReflectionRun after, int k) {
        if (before.iterations().size() <= k || after.iterations().size() <= k) {
            return I18n.Message.literal("");
        }
        return new I18n.Message("reflect.critic.difference", k + 1,
                Reflector.meanAbsDiff(before.iterations().get(k).image(), after.iterations().get(k).image()));
    }

    /** When the judge first accepts an image after iteration k, if it does. */
    static I18n.Message verdict(ReflectionRun run, int k) {
        for (Iteration it : run.iterations()) {
            if (it.k() > k && it.judgeCorrect()) {
                return new I18n.Message("reflect.critic.verdict.first", it.k(), it.nfe());
            }
        }
        long after = run.iterations().stream().filter(it -> it.k() > k).count();
        return after == 0 ? new I18n.Message("reflect.critic.verdict.none-after") : new I18n.Message("reflect.critic.verdict.none", after);
    }
}
