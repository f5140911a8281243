package org.reflectlab.ui.concepts;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.reflectlab.core.concepts.Progress;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskContext;
import org.reflectlab.core.concurrent.TaskHandle;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Notifier;

/**
 * One concept panel's live experiment: its last result, whether it runs, progress and a status line.
 * The work runs on the runner's background thread; every property changes on the UI thread only.
 *
 * @param <R> the experiment's result
 */
public final class ExperimentModel<R> {

    /** The experiment itself, given a progress sink that also answers "cancelled?". */
    @FunctionalInterface
    public interface Work<R> {
        R run(Progress progress) throws Exception;
    }

    private final String titleKey;
    private final TaskRunner runner;
    private final Notifier notifier;
    private final ReadOnlyObjectWrapper<R> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    // a message, not a sentence: the status line follows a language switch
    private final javafx.beans.property.ObjectProperty<I18n.Message> status =
            new javafx.beans.property.SimpleObjectProperty<>(new I18n.Message("concepts.status.not-run"));
    private final javafx.beans.binding.StringBinding statusText = I18n.textOf(status);
    private TaskHandle handle;

    /** {@code titleKey}: the {@link I18n} key of the task's title (task list, failure notification). */
    public ExperimentModel(String titleKey, TaskRunner runner, Notifier notifier) {
        this.titleKey = titleKey;
        this.runner = runner;
        this.notifier = notifier;
    }

    // Properties //

    public ReadOnlyObjectProperty<R> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The status line in the current language. */
    public javafx.beans.binding.StringBinding statusProperty() {
        return statusText;
    }

    // Commands //

    /** Starts the work unless this experiment already runs. */
    public void run(Work<R> work) {
        if (running.get()) {
            return;
        }
        running.set(true);
        progress.set(-1);
        status.set(new I18n.Message("concepts.status.running"));
        long t0 = System.nanoTime();
        String title = I18n.tr(titleKey);
        handle = runner.submit(BackgroundTask.<R>of(title, ctx -> work.run(progress(ctx)))
                .onSuccess(r -> {
                    result.set(r);
                    status.set(new I18n.Message("concepts.status.done", (System.nanoTime() - t0) / 1e9));
                })
                .onFailure(e -> {
                    status.set(new I18n.Message("concepts.status.failed", message(e)));
                    notifier.error(title, message(e));
                })
                .onCancelled(() -> status.set(new I18n.Message("concepts.status.cancelled")))
                .onFinished(() -> {
                    running.set(false);
                    progress.set(0);
                }));
    }

    public void cancel() {
        if (handle != null) {
            handle.cancel();
        }
    }

    private Progress progress(TaskContext ctx) {
        return new Progress() {
            private long last;

            @Override
            public void update(double done, double total, String message) {
                ctx.progress(done, total);
                ctx.message(message);
                long now = System.nanoTime();
                if (now - last > 100_000_000L || done >= total) {
                    last = now;
                    ctx.onUiThread(() -> {
                        progress.set(total > 0 ? done / total : -1);
                        status.set(new I18n.Message("concepts.status.progress", message));
                    });
                }
            }

            @Override
            public boolean cancelled() {
                return ctx.isCancelled();
            }
        };
    }

    static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
