package org.reflectlab.core.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Runs each task to completion inside submit(), with "UI" updates run in place: what
 * ViewModel tests use instead of the JavaFX runner. Records progress so tests can assert on it.
 */
public final class SynchronousTaskRunner implements TaskRunner {

    private final List<String> titles = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private volatile boolean cancelNext;

    @Override
    public <V> TaskHandle submit(BackgroundTask<V> task) {
        titles.add(task.title());
        boolean[] cancelled = {cancelNext};
        cancelNext = false;
        TaskContext ctx = new TaskContext() {
            @Override
            public void progress(double done, double total) {
            }

            @Override
            public void message(String message) {
                messages.add(message);
            }

            @Override
            public boolean isCancelled() {
                return cancelled[0];
            }

            @Override
            public void onUiThread(Runnable update) {
                update.run();
            }
        };
        V value = null;
        Throwable error = null;
        try {
            value = task.work().run(ctx);
        } catch (Exception | Error e) {
            error = e;
        }
        TaskOutcome.deliver(task, value, error, cancelled[0]);
        return TaskHandle.DONE;
    }

    /** The next submitted task sees itself cancelled from the start (to test cancel paths). */
    public void cancelNextTask() {
        cancelNext = true;
    }

    public List<String> submittedTitles() {
        return List.copyOf(titles);
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public Executor uiExecutor() {
        return Runnable::run;
    }

    @Override
    public void shutdown() {
    }
}
