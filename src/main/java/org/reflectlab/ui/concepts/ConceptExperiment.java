package org.reflectlab.ui.concepts;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import org.reflectlab.core.concepts.Progress;
import org.reflectlab.core.concurrent.TaskContext;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.ui.kit.Experiment;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Notifier;
import org.reflectlab.core.text.Phrase;

/**
 * One concept panel's live experiment: the workspace-wide {@link Experiment} (busy flag, progress, status,
 * task, failure path) plus the last result, which a cancel or a failure keeps on screen.
 *
 * @param <R> the experiment's result
 */
public final class ConceptExperiment<R> {

    /** The experiment itself, given a progress sink that also answers "cancelled?". */
    @FunctionalInterface
    public interface Work<R> {
        R run(Progress progress) throws Exception;
    }

    /** The status line changes at most this often, so a fast experiment does not flood the UI thread. */
    private static final long STATUS_EVERY_NANOS = 100_000_000L;

    private final String titleKey;
    private final Experiment experiment;
    private final ReadOnlyObjectWrapper<R> result = new ReadOnlyObjectWrapper<>();

    /** {@code titleKey}: the {@link I18n} key of the task's title (task list, failure notification). */
    public ConceptExperiment(String titleKey, TaskRunner runner, Notifier notifier) {
        this.titleKey = titleKey;
        this.experiment = new Experiment(runner, notifier, new I18n.Message(titleKey), new I18n.Message("concepts.status.not-run"))
                .indeterminateAtStart();
    }

    // Properties //

    public ReadOnlyObjectProperty<R> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return experiment.runningProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return experiment.progressProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return experiment.statusProperty();
    }

    // Commands //

    /** Starts the work unless this experiment already runs. */
    public void run(Work<R> work) {
        long t0 = System.nanoTime();
        experiment.submit(I18n.tr(titleKey), new I18n.Message("concepts.status.running"), ctx -> work.run(progress(ctx)), r -> {
            result.set(r);
            experiment.status(new I18n.Message("concepts.status.done", (System.nanoTime() - t0) / 1e9));
        }, new I18n.Message("concepts.status.cancelled"),
                e -> new I18n.Message("concepts.status.failed", Experiment.message(e)), e -> { });
    }

    public void cancel() {
        experiment.cancel();
    }

    private Progress progress(TaskContext ctx) {
        return new Progress() {
            private long last;

            @Override
            public void update(double done, double total, Phrase message) {
                ctx.progress(done, total);
                ctx.message(I18n.Message.of(message).text());
                long now = System.nanoTime();
                if (now - last > STATUS_EVERY_NANOS || done >= total) {
                    last = now;
                    ctx.onUiThread(() -> experiment.show(total > 0 ? done / total : -1, new I18n.Message("concepts.status.progress", message)));
                }
            }

            @Override
            public boolean cancelled() {
                return ctx.isCancelled();
            }
        };
    }
}
