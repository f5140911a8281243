package org.reflectlab.core.concurrent;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A unit of background work and what to do with its outcome. A plain object (not a JavaFX
 * Task) so ViewModels and core code can be tested without a toolkit; a {@link TaskRunner} runs
 * it and calls exactly one of onSuccess / onFailure / onCancelled on the UI thread, after the
 * work has really stopped, then onFinished.
 */
public final class BackgroundTask<V> {

    /** The work itself. */
    @FunctionalInterface
    public interface Work<V> {
        V run(TaskContext context) throws Exception;
    }

    private final String title;
    private final Work<V> work;
    private Consumer<? super V> onSuccess = v -> { };
    private Consumer<Throwable> onFailure = e -> { };
    private Runnable onCancelled = () -> { };
    private Runnable onFinished = () -> { };
    private String dedicatedThread;
    private boolean showInTaskList = true;

    private BackgroundTask(String title, Work<V> work) {
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
    }

    public static <V> BackgroundTask<V> of(String title, Work<V> work) {
        return new BackgroundTask<>(title, work);
    }

    public BackgroundTask<V> onSuccess(Consumer<? super V> c) {
        this.onSuccess = Objects.requireNonNull(c);
        return this;
    }

    public BackgroundTask<V> onFailure(Consumer<Throwable> c) {
        this.onFailure = Objects.requireNonNull(c);
        return this;
    }

    public BackgroundTask<V> onCancelled(Runnable r) {
        this.onCancelled = Objects.requireNonNull(r);
        return this;
    }

    /** Runs last, whatever the outcome: reset "busy" state here. */
    public BackgroundTask<V> onFinished(Runnable r) {
        this.onFinished = Objects.requireNonNull(r);
        return this;
    }

    /** Run on a new thread of this name instead of the shared pool (long jobs such as training). */
    public BackgroundTask<V> onOwnThread(String threadName) {
        this.dedicatedThread = threadName;
        return this;
    }

    /** Quick jobs (a live preview) need not clutter the task list. */
    public BackgroundTask<V> hiddenFromTaskList() {
        this.showInTaskList = false;
        return this;
    }

    public String title() {
        return title;
    }

    public Work<V> work() {
        return work;
    }

    public String dedicatedThread() {
        return dedicatedThread;
    }

    public boolean showInTaskList() {
        return showInTaskList;
    }

    public void succeeded(V value) {
        onSuccess.accept(value);
    }

    public void failed(Throwable error) {
        onFailure.accept(error);
    }

    public void cancelled() {
        onCancelled.run();
    }

    public void finished() {
        onFinished.run();
    }
}
