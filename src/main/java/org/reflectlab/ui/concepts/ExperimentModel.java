package org.reflectlab.ui.concepts;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.reflectlab.core.concepts.Progress;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskContext;
import org.reflectlab.core.concurrent.TaskHandle;
import org.reflectlab.core.concurrent.TaskRunner;
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

    private final String title;
    private final TaskRunner runner;
    private final Notifier notifier;
    private final ReadOnlyObjectWrapper<R> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Not run yet.");
    private TaskHandle handle;

    public ExperimentModel(String title, TaskRunner runner, Notifier notifier) {
        this.title = title;
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

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    // Commands //

    /** Starts the work unless this experiment already runs. */
    public void run(Work<R> work) {
        if (running.get()) {
            return;
        }
        running.set(true);
        progress.set(-1);
        status.set("Running…");
        long t0 = System.nanoTime();
        handle = runner.submit(BackgroundTask.<R>of(title, ctx -> work.run(progress(ctx)))
                .onSuccess(r -> {
                    result.set(r);
                    status.set(String.format(java.util.Locale.ROOT, "Done in %.1f s.", (System.nanoTime() - t0) / 1e9));
                })
                .onFailure(e -> {
                    status.set("Failed: " + message(e));
                    notifier.error(title, message(e));
                })
                .onCancelled(() -> status.set("Cancelled; the last result is kept."))
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
                        status.set(message);
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
