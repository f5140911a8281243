package org.reflectlab.ui.kit;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskContext;
import org.reflectlab.core.concurrent.TaskHandle;
import org.reflectlab.core.concurrent.TaskOutcome;
import org.reflectlab.core.concurrent.TaskRunner;

/**
 * Runs background tasks as JavaFX {@link Task}s on a small pool of named daemon threads (or a
 * dedicated thread when asked), and lists the visible ones for ControlsFX's TaskProgressView.
 * Cancel is cooperative: it never interrupts the thread (an interrupt in the middle of a native
 * ND4J call or a file write does more harm than good); the work stops at its next checkpoint
 * and only then are its callbacks run.
 */
public final class FxTaskRunner implements TaskRunner {

    private final ExecutorService pool;
    private final ObservableList<Task<?>> tasks = FXCollections.observableArrayList();

    public FxTaskRunner(int workers) {
        this.pool = Executors.newFixedThreadPool(workers, named("reflectlab-worker-"));
    }

    /** Visible running tasks; changed on the FX thread only. */
    public ObservableList<Task<?>> tasks() {
        return tasks;
    }

    /** Title of the newest running task, or "" when idle. */
    public StringBinding activeTitle() {
        return Bindings.createStringBinding(
                () -> tasks.isEmpty() ? "" : tasks.get(tasks.size() - 1).getTitle(), tasks);
    }

    @Override
    public <V> TaskHandle submit(BackgroundTask<V> background) {
        return submit(background, Platform::runLater);
    }

    /**
     * This runner's pool, with every hand-over to the FX thread (ui executor, {@code onUiThread}, results) going through
     * {@code ui}, in order: a workspace's {@link PulseFeed}. Shutting it down shuts nothing (the app owns the pool).
     */
    public TaskRunner through(Executor ui) {
        return new TaskRunner() {
            @Override
            public <V> TaskHandle submit(BackgroundTask<V> task) {
                return FxTaskRunner.this.submit(task, ui);
            }

            @Override
            public Executor uiExecutor() {
                return ui;
            }

            @Override
            public void shutdown() {
            }
        };
    }

    private <V> TaskHandle submit(BackgroundTask<V> background, Executor ui) {
        FxTask<V> task = new FxTask<>(background, ui);
        if (background.showInTaskList()) {
            onFx(() -> tasks.add(task));
        }
        if (background.dedicatedThread() != null) {
            Thread t = new Thread(task, background.dedicatedThread());
            t.setDaemon(true);
            t.start();
        } else {
            try {
                pool.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // the pool was shut down (the app is closing; a timer's late tick, e.g. IdleRelease): nothing more runs
                task.cancel();
            }
        }
        return new TaskHandle() {
            @Override
            public void cancel() {
                task.cancel();
            }

            @Override
            public boolean isDone() {
                return task.finished;
            }
        };
    }

    @Override
    public Executor uiExecutor() {
        return FxTaskRunner::onFx;
    }

    @Override
    public void shutdown() {
        onFx(() -> tasks.forEach(Task::cancel));
        pool.shutdown();
    }

    private static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private final class FxTask<V> extends Task<V> {
        private final BackgroundTask<V> background;
        private final Executor ui;
        private volatile boolean cancelRequested;
        private volatile boolean finished;

        FxTask(BackgroundTask<V> background, Executor ui) {
            this.background = background;
            this.ui = ui;
            updateTitle(background.title());
        }

        @Override
        protected V call() throws Exception {
            TaskContext ctx = new TaskContext() {
                @Override
                public void progress(double done, double total) {
                    updateProgress(total > 0 ? done : -1, total > 0 ? total : 1);
                }

                @Override
                public void message(String message) {
                    updateMessage(message);
                }

                @Override
                public boolean isCancelled() {
                    return cancelRequested;
                }

                @Override
                public void onUiThread(Runnable update) {
                    ui.execute(PulseFeed.named(() -> "an update from '" + background.title() + "' (" + update.getClass().getName() + ")", update));
                }
            };
            V value = null;
            Throwable error = null;
            try {
                value = background.work().run(ctx);
            } catch (Exception | Error e) {
                error = e;
            }
            V v = value;
            Throwable err = error;
            ui.execute(PulseFeed.named(() -> "the result of '" + background.title() + "'", () -> {
                finished = true;
                tasks.remove(this);
                TaskOutcome.deliver(background, v, err, cancelRequested);
            }));
            if (error instanceof Exception e && !cancelRequested) {
                throw e;
            }
            return value;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelRequested = true;
            return super.cancel(false);
        }
    }
}
