package org.reflectlab.ui.scaling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskHandle;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.data.ParseResult;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.scaling.CompareGrid;
import org.reflectlab.core.scaling.SweepSettings;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.ModelWords;
import org.reflectlab.ui.kit.TextLine;

/**
 * Compare K, the Scaling workspace's one-prompt view: which prompt (one of the prompt set's
 * distinct texts, or any caption typed in) and seed, the grid of every method's answer at every K
 * (computed in the background), and the K the slider shows.
 */
public final class CompareKViewModel {

    private final TaskRunner runner;
    /** The prompt set as sweeps use it (texts repeat, each entry with its own id). */
    private final List<PromptSet.Prompt> all;
    /** Each text once, in the set's order. */
    private final List<PromptSet.Prompt> distinct;

    private final StringProperty promptText = new SimpleStringProperty("");
    private final TextLine promptError = new TextLine(null);
    // a long: seeds stored in sweep rows are derived per prompt and use all 64 bits
    private final LongProperty seed = new SimpleLongProperty(1);
    private final IntegerProperty k = new SimpleIntegerProperty(0);
    private final ReadOnlyObjectWrapper<CompareGrid> grid = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper comparing = new ReadOnlyBooleanWrapper(false);
    private TaskHandle handle;

    CompareKViewModel(TaskRunner runner, List<PromptSet.Prompt> prompts) {
        this.runner = runner;
        this.all = List.copyOf(prompts);
        Map<String, PromptSet.Prompt> byText = new LinkedHashMap<>();
        prompts.forEach(p -> byText.putIfAbsent(p.text(), p));
        this.distinct = List.copyOf(new ArrayList<>(byText.values()));
        promptText.addListener((o, a, b) -> promptError.set(resolve(b) == null ? problem(b) : null));
        if (!distinct.isEmpty()) {
            // opens on a colour-attribution prompt, the category where binding colours to shapes is hard and the
            // methods part; the set's first prompt ("a square") is one every method gets right
            promptText.set(distinct.stream().filter(p -> p.category() == org.reflectlab.core.data.Category.COLOR_ATTRIBUTION)
                    .findFirst().orElse(distinct.get(0)).text());
        }
    }

    /** The prompt the text names: one of the set's (keeping its id and category), or a typed caption; null if it does not parse. */
    PromptSet.Prompt resolve(String text) {
        String t = text == null ? "" : text.trim();
        for (PromptSet.Prompt p : distinct) {
            if (p.text().equals(t)) {
                return p;
            }
        }
        ParseResult r = CaptionParser.parse(t);
        if (t.isEmpty() || !r.ok() || !Generator.fits(r.caption())) {
            return null;
        }
        return new PromptSet.Prompt("typed", r.caption().category(), r.caption());
    }

    /** Why a prompt cannot be compared; the parser's and the generator's reasons are core's English words. */
    private static I18n.Message problem(String text) {
        if (text == null || text.isBlank()) {
            return new I18n.Message("scaling.compare.prompt.empty");
        }
        ParseResult r = CaptionParser.parse(text.trim());
        if (!r.ok()) {
            return r.error().suggestion() == null ? I18n.Message.literal(ModelWords.parseError(r.error()))
                    : new I18n.Message("scaling.compare.prompt.try", ModelWords.parseError(r.error()), r.error().applySuggestion(text.trim()));
        }
        return I18n.Message.literal(Generator.tooLong(r.caption()));
    }

    /** Computes the grid for the prompt with these models, settings and the seed in the seed box. */
    void run(Reflector models, SweepSettings s, Consumer<I18n.Message> onError) {
        if (comparing.get()) {
            return;
        }
        PromptSet.Prompt p = resolve(promptText.get());
        if (p == null) {
            onError.accept(new I18n.Message("scaling.compare.error", promptError.get()));
            return;
        }
        long sampleSeed = seed.get();
        comparing.set(true);
        handle = runner.submit(BackgroundTask.<CompareGrid>of(I18n.tr("scaling.task.compare", p.text()), ctx ->
                CompareGrid.compute(models, p, sampleSeed, s, (done, total) -> ctx.progress(done, total), ctx::isCancelled))
                .onSuccess(g -> {
                    grid.set(g);
                    k.set(g.ks().size() - 1);
                })
                .onFailure(e -> onError.accept(new I18n.Message("scaling.compare.failed", String.valueOf(e.getMessage()))))
                .onFinished(() -> comparing.set(false)));
    }

    /** Moves to the prompt with this id (a sweep row's), if the set holds it. */
    void select(String promptId) {
        all.stream().filter(p -> p.id().equals(promptId)).findFirst().ifPresent(p -> promptText.set(p.text()));
    }

    void cancel() {
        if (handle != null) {
            handle.cancel();
        }
    }

    // Properties //

    /** The prompt set's distinct prompts, each once (the set repeats texts to fill its categories). */
    public List<PromptSet.Prompt> prompts() {
        return distinct;
    }

    /** The prompt to compare: a text from {@link #prompts()} or any caption the parser accepts. */
    public StringProperty promptTextProperty() {
        return promptText;
    }

    /** Why the prompt text cannot be compared, or "". */
    public ReadOnlyStringProperty promptErrorProperty() {
        return promptError.text();
    }

    /** The sampling seed; the grid shown carries the seed it was computed with. */
    public LongProperty seedProperty() {
        return seed;
    }

    public IntegerProperty kProperty() {
        return k;
    }

    public ReadOnlyObjectProperty<CompareGrid> gridProperty() {
        return grid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty comparingProperty() {
        return comparing.getReadOnlyProperty();
    }

    /** Keeps the prompt and the seed across restarts. */
    void remember(org.reflectlab.ui.kit.Remembered r) {
        r.text("comparePrompt", promptTextProperty()).value("compareSeed", seedProperty(), Long::valueOf, v -> {
            if (v.longValue() < 0) {
                return false;
            }
            seedProperty().set(v.longValue());
            return true;
        }, I18n.tr("scaling.compare.seed.remembered"));
    }
}
