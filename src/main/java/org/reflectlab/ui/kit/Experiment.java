package org.reflectlab.ui.kit;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskContext;
import org.reflectlab.core.concurrent.TaskHandle;
import org.reflectlab.core.concurrent.TaskRunner;

/**
 * One experiment of a workspace as the user sees it: its own busy flag, progress, status line
 * and task, so two experiments neither block nor cancel each other. Submit, cancel and the
 * failure path (status line plus a notification) are written here once.
 */
public final class Experiment {

    private final TaskRunner runner;
    private final Notifier notifier;
    private final String failureTitle;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status;
    private TaskHandle task = TaskHandle.DONE;

    /** @param failureTitle the notification's title when a run fails, e.g. "Aphasia run failed" */
    public Experiment(TaskRunner runner, Notifier notifier, String failureTitle, String initialStatus) {
        this.runner = runner;
        this.notifier = notifier;
        this.failureTitle = failureTitle;
        this.status = new ReadOnlyStringWrapper(initialStatus);
    }

    /**
     * Starts {@code work} unless this experiment is running already (then returns false). On
     * success {@code done} runs on the UI thread; a cancel says {@code cancelledStatus}; a failure
     * shows its message as the status (or {@code failedStatus} when given) and notifies.
     */
    public <V> boolean submit(String title, String startingStatus, BackgroundTask.Work<V> work, Consumer<? super V> done,
                              String cancelledStatus, String failedStatus, Consumer<Throwable> failed) {
        if (running.get()) {
            return false;
        }
        running.set(true);
        progress.set(0);
        status.set(startingStatus);
        task = runner.submit(BackgroundTask.of(title, work).onSuccess(done)
                .onCancelled(() -> status.set(cancelledStatus))
                .onFailure(e -> {
                    failed.accept(e);
                    status.set(failedStatus != null ? failedStatus : String.valueOf(e.getMessage()));
                    notifier.error(failureTitle, String.valueOf(e.getMessage()));
                })
                .onFinished(() -> {
                    running.set(false);
                    progress.set(0);
                }));
        return true;
    }

    /** As above with "Cancelled." (in the current language) and the failure's own message as the status. */
    public <V> boolean submit(String title, String startingStatus, BackgroundTask.Work<V> work, Consumer<? super V> done) {
        return submit(title, startingStatus, work, done, I18n.tr("kit.status.cancelled"), null, e -> { });
    }

    /** Reports a fraction of the work from the background thread (coalesced by the runner's UI hop). */
    public void progress(TaskContext ctx, int done, int total, String message) {
        ctx.progress(done, total);
        ctx.message(message);
        ctx.onUiThread(() -> progress.set(done / (double) total));
    }

    public void cancel() {
        task.cancel();
    }

    /** Sets the status line (UI thread). */
    public void status(String text) {
        status.set(text);
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
}
