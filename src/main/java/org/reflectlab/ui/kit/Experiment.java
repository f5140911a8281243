package org.reflectlab.ui.kit;

import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskContext;
import org.reflectlab.core.concurrent.TaskHandle;
import org.reflectlab.core.concurrent.TaskRunner;

/**
 * One experiment of a workspace as the user sees it: its own busy flag, progress, status line
 * and task, so two experiments neither block nor cancel each other. Submit, cancel and the
 * failure path (status line plus a notification) are written here once, for every workspace
 * (Aphasia's experiments, each Concepts panel through {@code ConceptExperiment}).
 */
public final class Experiment {

    private final TaskRunner runner;
    private final Notifier notifier;
    // a message, so a failure after a language switch is titled in the new language
    private final I18n.Message failureTitle;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    // a message, not a sentence, so the status line follows a language switch
    private final TextLine status;
    private TaskHandle task = TaskHandle.DONE;
    private double startProgress = 0;

    /** @param failureTitle the notification's title when a run fails, e.g. "Aphasia run failed" */
    public Experiment(TaskRunner runner, Notifier notifier, String failureTitle, String initialStatus) {
        this(runner, notifier, I18n.Message.literal(failureTitle), I18n.Message.literal(initialStatus));
    }

    /** As above with a title and a status line in the current language (whatever it is when they are shown). */
    public Experiment(TaskRunner runner, Notifier notifier, I18n.Message failureTitle, I18n.Message initialStatus) {
        this.runner = runner;
        this.notifier = notifier;
        this.failureTitle = failureTitle;
        this.status = new TextLine(initialStatus);
    }

    /**
     * The bar runs indeterminate from the start until the work first reports progress (for work that
     * says how far it got only now and then); otherwise it starts empty.
     */
    public Experiment indeterminateAtStart() {
        startProgress = -1;
        return this;
    }

    /**
     * Starts {@code work} unless this experiment is running already (then returns false). On success
     * {@code done} runs on the UI thread; a cancel says {@code cancelledStatus}; a failure shows
     * {@code failedStatus} of it as the status and notifies with its message.
     */
    public <V> boolean submit(String title, String startingStatus, BackgroundTask.Work<V> work, Consumer<? super V> done,
                              String cancelledStatus, Function<Throwable, String> failedStatus, Consumer<Throwable> failed) {
        return submit(title, I18n.Message.literal(startingStatus), work, done, I18n.Message.literal(cancelledStatus),
                e -> I18n.Message.literal(failedStatus.apply(e)), failed);
    }

    /** As above with status lines that follow the language. */
    public <V> boolean submit(String title, I18n.Message startingStatus, BackgroundTask.Work<V> work, Consumer<? super V> done,
                              I18n.Message cancelledStatus, Function<Throwable, I18n.Message> failedStatus,
                              Consumer<Throwable> failed) {
        if (running.get()) {
            return false;
        }
        running.set(true);
        progress.set(startProgress);
        status.set(startingStatus);
        task = runner.submit(BackgroundTask.of(title, work).onSuccess(done)
                .onCancelled(() -> status.set(cancelledStatus))
                .onFailure(e -> {
                    failed.accept(e);
                    status.set(failedStatus.apply(e));
                    notifier.error(failureTitle.text(), message(e));
                })
                .onFinished(() -> {
                    running.set(false);
                    progress.set(0);
                }));
        return true;
    }

    /** As above with "Cancelled." (in the current language) and the failure's own message as the status. */
    public <V> boolean submit(String title, String startingStatus, BackgroundTask.Work<V> work, Consumer<? super V> done) {
        return submit(title, I18n.Message.literal(startingStatus), work, done, new I18n.Message("kit.status.cancelled"),
                e -> I18n.Message.literal(message(e)), e -> { });
    }

    /** Reports a fraction of the work from the background thread (coalesced by the runner's UI hop). */
    public void progress(TaskContext ctx, int done, int total, String message) {
        ctx.progress(done, total);
        ctx.message(message);
        ctx.onUiThread(() -> progress.set(done / (double) total));
    }

    /** Shows a fraction of the work (-1: indeterminate) and says what it is doing (UI thread). */
    public void show(double fraction, String text) {
        show(fraction, I18n.Message.literal(text));
    }

    /** As above, in the current language. */
    public void show(double fraction, I18n.Message text) {
        progress.set(fraction);
        status.set(text);
    }

    public void cancel() {
        task.cancel();
    }

    /** Sets the status line (UI thread). */
    public void status(String text) {
        status.set(I18n.Message.literal(text));
    }

    /** Sets the status line in the current language (UI thread). */
    public void status(I18n.Message text) {
        status.set(text);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.text();
    }

    /** What went wrong, in words: the cause of a wrapped failure, or its type when it has no message. */
    public static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof ExecutionException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
