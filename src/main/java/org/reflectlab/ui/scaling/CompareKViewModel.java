package org.reflectlab.ui.scaling;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskHandle;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.scaling.CompareGrid;
import org.reflectlab.core.scaling.SweepSettings;

/**
 * Compare K, the Scaling workspace's one-prompt view: which prompt and seed, the grid of every
 * method's answer at every K (computed in the background), and the K the slider shows.
 */
public final class CompareKViewModel {

    private final TaskRunner runner;
    private final List<PromptSet.Prompt> prompts;

    private final IntegerProperty prompt = new SimpleIntegerProperty(0);
    private final IntegerProperty seed = new SimpleIntegerProperty(1);
    private final IntegerProperty k = new SimpleIntegerProperty(0);
    private final ReadOnlyObjectWrapper<CompareGrid> grid = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper comparing = new ReadOnlyBooleanWrapper(false);
    private TaskHandle handle;

    CompareKViewModel(TaskRunner runner, List<PromptSet.Prompt> prompts) {
        this.runner = runner;
        this.prompts = prompts;
    }

    /** Computes the grid for the selected prompt with these models, settings and sampling seed. */
    void run(Reflector models, SweepSettings s, long sampleSeed, Consumer<String> onError) {
        if (comparing.get()) {
            return;
        }
        PromptSet.Prompt p = prompts.get(Math.max(0, Math.min(prompts.size() - 1, prompt.get())));
        comparing.set(true);
        handle = runner.submit(BackgroundTask.<CompareGrid>of("Compare K: " + p.text(), ctx ->
                CompareGrid.compute(models, p, sampleSeed, s, (done, total) -> ctx.progress(done, total), ctx::isCancelled))
                .onSuccess(g -> {
                    grid.set(g);
                    k.set(g.ks().size() - 1);
                })
                .onFailure(e -> onError.accept("Compare K failed: " + e.getMessage()))
                .onFinished(() -> comparing.set(false)));
    }

    /** Selects the prompt with this id, if the set holds it. */
    void select(String promptId) {
        for (int i = 0; i < prompts.size(); i++) {
            if (prompts.get(i).id().equals(promptId)) {
                prompt.set(i);
                return;
            }
        }
    }

    void cancel() {
        if (handle != null) {
            handle.cancel();
        }
    }

    // Properties //

    public List<PromptSet.Prompt> prompts() {
        return prompts;
    }

    public IntegerProperty promptProperty() {
        return prompt;
    }

    public IntegerProperty seedProperty() {
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
}
